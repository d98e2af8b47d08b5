// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// When one second of the generator's health says the generator, not the API, limited the load. Any rule makes the
/// second saturated; each names itself with the measured value, so a warning says why.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>CPU</b>: the process used at least 90 % of the machine's cores. Workers then queue for a core: latency
/// includes the wait, and the rate the generator can offer is capped. (An API hosted in the test process counts here
/// too: then the machine, not the API's code, is the limit.)</item>
/// <item><b>Thread pool</b>: at least 100 work items waited for a thread at the second's end and the queue did not
/// shrink since the previous second: completions (and with them latency measurements) wait behind each other.</item>
/// <item><b>Start lateness</b> (open model, pacing): p99 of how late invocations started is above 5 ms: the schedule
/// slipped, so the offered load was not the one asked for.</item>
/// <item><b>GC</b>: the runtime was paused for GC for at least 20 % of the second: every invocation in flight was
/// stopped with it.</item>
/// </list>
/// </remarks>
internal static class SaturationRules
{
    public const double CpuShare = 0.9;
    public const long ThreadPoolQueue = 100;
    public const double LatenessP99Ms = 5;
    public const double GcPauseShare = 0.2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Why the second was saturated; empty when it was not.</summary>
    /// <param name="health">The second's health.</param>
    /// <param name="previous">The previous second's, for the queue's trend; null for the first.</param>
    /// <param name="seconds">The interval's length.</param>
    /// <param name="cores">The machine's logical processors.</param>
    public static IReadOnlyList<string> Reasons(GeneratorHealth health, GeneratorHealth? previous, double seconds, int cores)
    {
        ArgumentNullException.ThrowIfNull(health);
        var reasons = new List<string>(1);
        if (health.CpuCores >= CpuShare * cores)
        {
            reasons.Add(string.Create(Invariant, $"CPU {health.CpuCores:0.##} of {cores} cores"));
        }

        if (health.ThreadPoolQueue >= ThreadPoolQueue && (previous is null || health.ThreadPoolQueue >= previous.ThreadPoolQueue))
        {
            reasons.Add(string.Create(Invariant, $"thread-pool queue {health.ThreadPoolQueue:N0} and not shrinking"));
        }

        if (health.LatenessP99Ms is > LatenessP99Ms)
        {
            reasons.Add(string.Create(Invariant, $"start lateness p99 {health.LatenessP99Ms:0.#} ms"));
        }

        if (seconds > 0 && health.GcPauseMs >= GcPauseShare * seconds * 1000)
        {
            reasons.Add(string.Create(Invariant, $"GC paused {health.GcPauseMs:0} ms"));
        }

        return reasons;
    }
}

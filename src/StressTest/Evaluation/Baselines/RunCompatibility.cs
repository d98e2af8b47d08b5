// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Reports;

namespace StressTest.Evaluation.Baselines;

/// <summary>
/// What differs between a baseline and the current run besides the code: the machine fingerprint (cores, CPU
/// model, OS, runtime, tool version; not the machine's name, which differs between identical CI runners), the
/// profile and the load. Each difference is a warning: the comparison still runs, but its result may be the
/// machine's or the load's, not the code's.
/// </summary>
internal static class RunCompatibility
{
    public static IReadOnlyList<string> Warnings(StressReport baseline, StressReport current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var warnings = new List<string>();
        var machine = Differences(
            ("cores", baseline.Environment.Cores.ToString(CultureInfo.InvariantCulture), current.Environment.Cores.ToString(CultureInfo.InvariantCulture)),
            ("cpu", baseline.Environment.Cpu, current.Environment.Cpu),
            ("os", baseline.Environment.Os, current.Environment.Os),
            ("runtime", baseline.Environment.Runtime, current.Environment.Runtime),
            ("tool", baseline.Environment.ToolVersion, current.Environment.ToolVersion));
        if (machine.Length > 0)
        {
            warnings.Add($"the baseline was measured on another machine fingerprint ({machine}): differences may be the machine's, not the code's; record baselines where the gate runs.");
        }

        if (!string.Equals(baseline.Profile, current.Profile, StringComparison.Ordinal))
        {
            warnings.Add($"the baseline is of profile {baseline.Profile ?? "(none)"}, this run of {current.Profile ?? "(none)"}.");
        }

        var b = baseline.Plan;
        var c = current.Plan;
        var load = Differences(
            ("model", b.Model, c.Model),
            ("concurrency", Text(b.Concurrency), Text(c.Concurrency)),
            ("rate", Text(b.Rate), Text(c.Rate)),
            ("maxConcurrency", Text(b.MaxConcurrency), Text(c.MaxConcurrency)),
            ("arrivals", b.Arrivals, c.Arrivals),
            ("pacing", b.Pacing, c.Pacing),
            ("stages", b.Stages, c.Stages),
            ("timeout", b.Timeout, c.Timeout));
        if (load.Length > 0)
        {
            warnings.Add($"the baseline ran another load ({load}): latency and rps depend on the load.");
        }

        if (!string.Equals(baseline.Outcome, "passed", StringComparison.Ordinal))
        {
            warnings.Add($"the baseline run did not pass (outcome {baseline.Outcome}).");
        }

        return warnings;
    }

    private static string Differences(params (string Name, string? Before, string? Now)[] fields) => string.Join(
        "; ",
        fields.Where(f => !string.Equals(f.Before, f.Now, StringComparison.Ordinal)).Select(f => $"{f.Name} \"{f.Before ?? "-"}\" → \"{f.Now ?? "-"}\""));

    private static string? Text<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);
}

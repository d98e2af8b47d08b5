// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// The generator verdict in words, one wording per case: the generator itself short of CPU or threads, or still
/// warming (its JIT compiling); the machine busy with other work (named); and, when neither happened, a generator
/// that kept up, so a failed run's numbers are the API's. Each window says what it did to the numbers instead of
/// disowning them: users who read "these numbers describe the generator" on every run learns to dismiss real
/// failures (a spike test whose API was the bottleneck, service time p50 613 ms, got exactly that).
/// </summary>
internal static class VerdictText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whether a reason is the start-lateness rule's (a symptom, attributed by the verdict).</summary>
    public static bool IsLateness(string reason) => reason.StartsWith("start lateness", StringComparison.Ordinal);

    /// <summary><c>Warning: the load generator was still warming up (its JIT compiling) from 0 s to 3 s (warming: …):
    /// throughput there was held back by the generator's JIT, not the API.</c>, one clause per window.</summary>
    public static string Warning(IReadOnlyList<SaturationWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return "Warning: " + string.Join("; and ", windows.Select(Window)) + ".";
    }

    /// <summary>The note of a run without windows; null when nothing was sampled.</summary>
    public static string? KeptUp(IReadOnlyList<HealthSecond> series, int cores)
    {
        ArgumentNullException.ThrowIfNull(series);
        var sampled = series.Select(s => s.Health).OfType<Transport.Contracts.GeneratorHealth>().ToList();
        if (sampled.Count == 0)
        {
            return null;
        }

        var cpu = sampled.Max(h => h.CpuCores);
        var lateness = sampled.Select(h => h.LatenessP99Ms).OfType<double>().DefaultIfEmpty(double.NaN).Max();
        var late = double.IsNaN(lateness) ? string.Empty : string.Create(Invariant, $", start lateness p99 at most {lateness:0.#} ms");
        return string.Create(Invariant, $"The load generator kept up throughout (CPU at most {cpu:0.##} of {cores} cores{late}, no JIT warming): these numbers describe the API.");
    }

    private static string Window(SaturationWindow window)
    {
        var reasons = window.Reasons;
        var warmingOnly = reasons.All(r => r.StartsWith(WarmingRule.Prefix, StringComparison.Ordinal) || IsLateness(r));
        var who = window.Cause switch
        {
            SaturationCause.Machine => "the machine was busy with other work",
            _ when warmingOnly && reasons.Any(r => r.StartsWith(WarmingRule.Prefix, StringComparison.Ordinal)) => "the load generator was still warming up (its JIT compiling)",
            _ when reasons.All(IsLateness) => "the load generator started invocations late",
            _ => "the load generator itself was short of CPU or threads",
        };
        var effects = new List<string>();
        if (window.MaxLatenessP99Ms is { } late)
        {
            effects.Add(string.Create(Invariant, $"latency from the intended start there includes up to {late:0.#} ms (p99) of the generator's lateness; service time does not"));
        }

        if (reasons.Any(r => r.StartsWith(WarmingRule.Prefix, StringComparison.Ordinal)))
        {
            effects.Add("throughput there was held back by the generator's JIT, not the API (leave WarmUp unset, or longer, to spend it before measuring)");
        }

        if (reasons.Any(r => !r.StartsWith(WarmingRule.Prefix, StringComparison.Ordinal) && !IsLateness(r) && !r.StartsWith(ContentionRule.Prefix, StringComparison.Ordinal)))
        {
            effects.Add("the load offered there was capped by the generator, and latency includes waiting for a core or a thread");
        }

        if (window.Cause == SaturationCause.Machine && effects.Count == 0)
        {
            effects.Add("the API and the generator shared the cores with it");
        }

        return string.Create(Invariant, $"{who} from {window.FromSeconds:0.#} s to {window.ToSeconds:0.#} s ({string.Join(", ", reasons)}): {string.Join("; ", effects)}");
    }
}

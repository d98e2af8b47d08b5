// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Monitoring.Generator;
using StressTest.Plan;

namespace StressTest.Evaluation.Baselines;

/// <summary>Latency percentiles in milliseconds, rounded as a report keeps them (null: nothing measured).</summary>
internal sealed record LatencyFigures(double? Min, double? Mean, double? P50, double? P75, double? P90, double? P95, double? P99, double? P999, double? Max)
{
    /// <summary>Rounds a summary the way the JSON report does, so a run compares with its own report exactly.</summary>
    public static LatencyFigures Of(LatencySummary l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(N(l.Min), N(l.Mean), N(l.P50), N(l.P75), N(l.P90), N(l.P95), N(l.P99), N(l.P999), N(l.Max));
    }

    /// <summary>NaN (nothing measured) as null; four decimals otherwise.</summary>
    public static double? N(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}

/// <summary>One measured interval's figures.</summary>
internal sealed record SecondFigures(double Start, double End, long Count, long Errors, long Dropped, double Rps, LatencyFigures Latency);

/// <summary>What a run was measured under: the machine, the profile and the load, and how it ended.</summary>
internal sealed record RunFingerprint(MachineInfo Machine, string? Profile, LoadDescription Load, string Outcome);

/// <summary>
/// What a relative threshold compares: a run's whole-window figures and its per-second figures, with its
/// fingerprint. A baseline file becomes one (the Reports room reads it), and so does the run being judged: the gate
/// compares two of these and knows nothing of files or report formats.
/// </summary>
internal sealed record RunFigures(
    long Count,
    double ErrorRate,
    long Dropped,
    double DroppedRate,
    double Rps,
    LatencyFigures Latency,
    IReadOnlyList<SecondFigures> Seconds,
    RunFingerprint Fingerprint)
{
    /// <summary>The run's id, to name the baseline a comparison used.</summary>
    public string? RunId { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The figures of a run just measured.</summary>
    public static RunFigures Of(StressPlan plan, RunMeasurements m, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(m);
        return new RunFigures(
            m.Count,
            m.ErrorRate,
            m.Dropped,
            m.DroppedRate,
            m.Rps,
            LatencyFigures.Of(m.Summary),
            [.. m.Series.Select(s => new SecondFigures(s.StartSeconds, s.EndSeconds, s.Count, s.Errors, s.Dropped, s.Rps, LatencyFigures.Of(s.Latency)))],
            new RunFingerprint(MachineInfo.Current, plan.Settings.Gates.Profile, LoadDescription.Of(plan.Load), outcome.ToString().ToLowerInvariant()));
    }
}

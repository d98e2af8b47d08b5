// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Monitoring.Probes;

/// <summary>One value a probe sampled, in the second of the measured window it was taken after.</summary>
internal readonly record struct ProbePoint(int Second, double Value);

/// <summary>Every sample of one probe value over the measured window, and its statistics (NaN without samples).</summary>
internal sealed record ProbeSeries(string Name, IReadOnlyList<ProbePoint> Points)
{
    public double Min => Points.Count == 0 ? double.NaN : Points.Min(p => p.Value);

    public double Max => Points.Count == 0 ? double.NaN : Points.Max(p => p.Value);

    public double Mean => Points.Count == 0 ? double.NaN : Points.Average(p => p.Value);

    public double Last => Points.Count == 0 ? double.NaN : Points[^1].Value;

    public double Statistic(ProbeStatistic statistic) => statistic switch
    {
        ProbeStatistic.Min => Min,
        ProbeStatistic.Max => Max,
        ProbeStatistic.Mean => Mean,
        ProbeStatistic.Last => Last,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "Unknown probe statistic."),
    };
}

/// <summary>A probe whose samples failed: how many of how many, and the first failure's text (redacted).</summary>
internal sealed record ProbeFailures(string Probe, int Failed, int Attempts, string FirstFailure)
{
    public string Describe() => $"Probe {Probe}: {Failed} of {Attempts} sample(s) failed and were skipped; the first: {FirstFailure}";
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation.Baselines;

/// <summary>A metric of one run: its whole-run value and its value in each full second of the measured window.</summary>
/// <param name="Value">The whole-run value, as thresholds see it (NaN when not measured).</param>
/// <param name="PerSecond">One value per second; seconds in which the metric is undefined are left out.</param>
internal sealed record MetricSamples(double Value, IReadOnlyList<double> PerSecond);

/// <summary>
/// Reads what a comparison needs from a run's figures (<see cref="RunFigures"/>: the same figures, rounded as the JSON
/// report keeps them, whether the run was just measured or read from a baseline file, so the test run and
/// <c>stresstest compare</c> judge identically).
/// </summary>
internal static class RunSeries
{
    /// <summary>Intervals shorter than this (the straggler after the window's end, a cancelled run's last one) are
    /// not seconds of steady load and would add noise.</summary>
    public const double MinIntervalSeconds = 0.5;

    public static MetricSamples Of(RunFigures run, ThresholdMetric metric)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metric);
        var seconds = run.Seconds.Where(s => s.End - s.Start >= MinIntervalSeconds).ToList();
        var latency = run.Latency;
        return metric.Kind switch
        {
            MetricKind.Percentile => Latency(Percentile(latency, metric.Percentile), seconds, s => Percentile(s.Latency, metric.Percentile)),
            MetricKind.Min => Latency(latency.Min, seconds, s => s.Latency.Min),
            MetricKind.Mean => Latency(latency.Mean, seconds, s => s.Latency.Mean),
            MetricKind.Max => Latency(latency.Max, seconds, s => s.Latency.Max),
            MetricKind.Rps => new(run.Rps, [.. seconds.Select(s => s.Rps)]),
            MetricKind.Count => new(run.Count, [.. seconds.Select(s => (double)s.Count)]),
            MetricKind.Dropped => new(run.Dropped, [.. seconds.Select(s => (double)s.Dropped)]),
            MetricKind.ErrorRate => new(
                run.ErrorRate,
                [.. seconds.Where(s => s.Count > 0).Select(s => (double)s.Errors / s.Count)]),
            MetricKind.DroppedRate => new(
                run.DroppedRate,
                [.. seconds.Where(s => s.Count + s.Dropped > 0).Select(s => (double)s.Dropped / (s.Count + s.Dropped))]),
            _ => new(double.NaN, []),
        };
    }

    private static MetricSamples Latency(double? whole, List<SecondFigures> seconds, Func<SecondFigures, double?> select) =>
        new(whole ?? double.NaN, [.. seconds.Select(select).OfType<double>()]);

    private static double? Percentile(LatencyFigures latency, double percentile) => percentile switch
    {
        50 => latency.P50,
        75 => latency.P75,
        90 => latency.P90,
        95 => latency.P95,
        99 => latency.P99,
        99.9 => latency.P999,
        _ => null,
    };
}

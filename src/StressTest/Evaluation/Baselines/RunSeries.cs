// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Thresholds;
using StressTest.Reports;

namespace StressTest.Evaluation.Baselines;

/// <summary>A metric of one run: its whole-run value and its value in each full second of the measured window.</summary>
/// <param name="Value">The whole-run value, as thresholds see it (NaN when not measured).</param>
/// <param name="PerSecond">One value per second; seconds in which the metric is undefined are left out.</param>
internal sealed record MetricSamples(double Value, IReadOnlyList<double> PerSecond);

/// <summary>
/// Reads what a comparison needs from a JSON report (the same data whether the report was just built in this
/// process or read from a baseline file, so the test run and <c>stresstest compare</c> judge identically).
/// </summary>
internal static class RunSeries
{
    /// <summary>Intervals shorter than this (the straggler after the window's end, a cancelled run's last one) are
    /// not seconds of steady load and would add noise.</summary>
    public const double MinIntervalSeconds = 0.5;

    public static MetricSamples Of(StressReport report, ThresholdMetric metric)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metric);
        var seconds = report.Series.Where(s => s.End - s.Start >= MinIntervalSeconds).ToList();
        var latency = report.LatencyMs;
        return metric.Kind switch
        {
            MetricKind.Percentile => Latency(Percentile(latency, metric.Percentile), seconds, s => Percentile(s, metric.Percentile)),
            MetricKind.Min => Latency(latency.Min, seconds, s => s.Min),
            MetricKind.Mean => Latency(latency.Mean, seconds, s => s.Mean),
            MetricKind.Max => Latency(latency.Max, seconds, s => s.Max),
            MetricKind.Rps => new(report.Rps, [.. seconds.Select(s => s.Rps)]),
            MetricKind.Count => new(report.Count, [.. seconds.Select(s => (double)s.Count)]),
            MetricKind.Dropped => new(report.Dropped, [.. seconds.Select(s => (double)s.Dropped)]),
            MetricKind.ErrorRate => new(
                report.ErrorRate,
                [.. seconds.Where(s => s.Count > 0).Select(s => (double)s.Errors / s.Count)]),
            MetricKind.DroppedRate => new(
                report.DroppedRate,
                [.. seconds.Where(s => s.Count + s.Dropped > 0).Select(s => (double)s.Dropped / (s.Count + s.Dropped))]),
            _ => new(double.NaN, []),
        };
    }

    private static MetricSamples Latency(double? whole, List<ReportSecond> seconds, Func<ReportSecond, double?> select) =>
        new(whole ?? double.NaN, [.. seconds.Select(select).OfType<double>()]);

    private static double? Percentile(ReportLatency latency, double percentile) => percentile switch
    {
        50 => latency.P50,
        75 => latency.P75,
        90 => latency.P90,
        95 => latency.P95,
        99 => latency.P99,
        99.9 => latency.P99_9,
        _ => null,
    };

    private static double? Percentile(ReportSecond second, double percentile) => percentile switch
    {
        50 => second.P50,
        75 => second.P75,
        90 => second.P90,
        95 => second.P95,
        99 => second.P99,
        99.9 => second.P99_9,
        _ => null,
    };
}

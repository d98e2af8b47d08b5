// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;

namespace StressTest.Thresholds;

/// <summary>
/// Checks thresholds against a run's measurements. Owns the default error policy: without an error_rate
/// threshold, <c>error_rate &lt;= 0%</c> applies, so a method that always throws can never pass silently.
/// </summary>
internal static class ThresholdEvaluator
{
    private static readonly Threshold DefaultErrorPolicy =
        new("error_rate <= 0%", new ThresholdMetric(MetricKind.ErrorRate), ComparisonOperator.LessThanOrEqual, 0);

    public static IReadOnlyList<ThresholdResult> Evaluate(IReadOnlyList<Threshold> thresholds, RunMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(measurements);
        var results = thresholds.Select(t => Check(t, measurements, isDefault: false)).ToList();
        if (!thresholds.Any(t => t.Metric.Kind == MetricKind.ErrorRate))
        {
            results.Add(Check(DefaultErrorPolicy, measurements, isDefault: true));
        }

        return results;
    }

    /// <summary>The measured value of a metric in its canonical unit (ms, fraction, per second, count).</summary>
    public static double Measure(ThresholdMetric metric, RunMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(measurements);
        var latency = measurements.Summary;
        return metric.Kind switch
        {
            MetricKind.Min => latency.Min,
            MetricKind.Mean => latency.Mean,
            MetricKind.Max => latency.Max,
            MetricKind.Percentile => LatencySummary.Percentile(measurements.Latency, metric.Percentile),
            MetricKind.ErrorRate => measurements.ErrorRate,
            MetricKind.Rps => measurements.Rps,
            MetricKind.Count => measurements.Count,
            MetricKind.Dropped => measurements.Dropped,
            MetricKind.DroppedRate => measurements.DroppedRate,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Kind, "Unknown metric kind."),
        };
    }

    private static ThresholdResult Check(Threshold threshold, RunMeasurements measurements, bool isDefault)
    {
        var actual = Measure(threshold.Metric, measurements);
        // NaN (no invocation measured) never passes: an empty run must not satisfy "p95 < 150ms".
        var passed = !double.IsNaN(actual) && threshold.Operator.Holds(actual, threshold.Limit);
        return new ThresholdResult(threshold, actual, passed, isDefault);
    }
}

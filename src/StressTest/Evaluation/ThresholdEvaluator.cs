// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation;

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
        // Relative thresholds are judged against a baseline (Baselines/BaselineComparer); they still count as declared
        // error_rate thresholds, replacing the default policy.
        var results = thresholds.Where(t => t.Relative is null).Select(t => Check(t, measurements, isDefault: false)).ToList();
        if (!thresholds.Any(t => t.Metric.Kind == MetricKind.ErrorRate && t.Step is null))
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
            MetricKind.Checks => measurements.ChecksRate,
            MetricKind.Probe => measurements.Probes.FirstOrDefault(p => p.Name == metric.Probe)?.Statistic(metric.Statistic) ?? double.NaN,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Kind, "Unknown metric kind."),
        };
    }

    /// <summary>The measured value of a metric of one step (latency, count, rps, error_rate).</summary>
    public static double Measure(ThresholdMetric metric, StepMeasurement step, TimeSpan measured)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(step);
        return metric.Kind switch
        {
            MetricKind.Min => step.Summary.Min,
            MetricKind.Mean => step.Summary.Mean,
            MetricKind.Max => step.Summary.Max,
            MetricKind.Percentile => LatencySummary.Percentile(step.Latency, metric.Percentile),
            MetricKind.ErrorRate => step.Count == 0 ? double.NaN : (double)step.Errors / step.Count,
            MetricKind.Rps => measured > TimeSpan.Zero ? step.Count / measured.TotalSeconds : 0,
            MetricKind.Count => step.Count,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Kind, "Not a metric of steps."),
        };
    }

    private static ThresholdResult Check(Threshold threshold, RunMeasurements measurements, bool isDefault)
    {
        if (threshold.Step is { } name)
        {
            // Step names are known only when the steps run: a threshold naming one that never ran fails, saying which
            // ran, so a typo cannot pass silently.
            var step = measurements.Steps.FirstOrDefault(s => s.Name == name);
            if (step is null)
            {
                var ran = measurements.Steps.Count == 0 ? "no step ran" : "steps that ran: " + string.Join(", ", measurements.Steps.Select(s => "\"" + s.Name + "\""));
                return new ThresholdResult(threshold, double.NaN, false, isDefault) { Problem = $"step \"{name}\" never ran ({ran})" };
            }

            var stepActual = Measure(threshold.Metric, step, measurements.Measured);
            return new ThresholdResult(threshold, stepActual, !double.IsNaN(stepActual) && threshold.Operator.Holds(stepActual, threshold.Limit), isDefault);
        }

        var actual = Measure(threshold.Metric, measurements);
        // NaN (no invocation measured) never passes: an empty run must not satisfy "p95 < 150ms".
        var passed = !double.IsNaN(actual) && threshold.Operator.Holds(actual, threshold.Limit);
        if (threshold.Metric.Kind == MetricKind.Probe && double.IsNaN(actual))
        {
            // The probe exists (checked before the load) but no sample of this value succeeded.
            return new ThresholdResult(threshold, actual, false, isDefault) { Problem = $"probe value \"{threshold.Metric.Probe}\" was never sampled (every sample failed or left it out)" };
        }

        return new ThresholdResult(threshold, actual, passed, isDefault);
    }
}

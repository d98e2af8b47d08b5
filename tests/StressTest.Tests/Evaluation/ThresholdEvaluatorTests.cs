// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Transport;

namespace StressTest.Tests.Evaluation;

/// <summary>Thresholds judged against fixed measurements: the right value per metric, NaN never passes, exact
/// boundaries.</summary>
[TestClass]
public sealed class ThresholdEvaluatorTests
{
    /// <summary>1, 2, ..., 100 ms once each, 5 errors, over 2 s: every metric has a different value.</summary>
    private static readonly RunMeasurements Fixed = CreateFixed();

    private static readonly RunMeasurements Empty = new(LatencyHistograms.Create(), [], [], TimeSpan.FromSeconds(1), 0, false, []);

    [TestMethod]
    [DataRow("min", 1.0)]
    [DataRow("count", 100.0)]
    [DataRow("rps", 50.0)]
    [DataRow("error_rate", 0.05)]
    public void Measure_ExactMetric_ReadsTheRightValue(string metric, double expected)
    {
        Assert.AreEqual(expected, Measure(metric, Fixed));
    }

    [TestMethod]
    public void Measure_LatencyMetrics_ReadTheRunHistogramInMilliseconds()
    {
        var histogram = Fixed.Latency;

        Assert.AreEqual(histogram.GetMean() / 1000, Measure("mean", Fixed));
        Assert.AreEqual(histogram.GetMaxValue() / 1000.0, Measure("max", Fixed));
        Assert.AreEqual(histogram.GetValueAtPercentile(50) / 1000.0, Measure("p50", Fixed));
        Assert.AreEqual(histogram.GetValueAtPercentile(95) / 1000.0, Measure("p95", Fixed));
        Assert.AreEqual(histogram.GetValueAtPercentile(99.9) / 1000.0, Measure("p99.9", Fixed));
        Assert.AreEqual(histogram.GetValueAtPercentile(12.5) / 1000.0, Measure("p12.5", Fixed), "any percentile, not only the summary's");
        Assert.AreEqual(95.0, Measure("p95", Fixed), 0.1);
        Assert.AreEqual(50.5, Measure("mean", Fixed), 0.1);
        Assert.AreEqual(100.0, Measure("max", Fixed), 0.1);
    }

    [TestMethod]
    [DataRow("min > 0ms")]
    [DataRow("mean < 1s")]
    [DataRow("max < 1s")]
    [DataRow("p50 < 1s")]
    [DataRow("p99.9 >= 0ms")]
    public void Evaluate_NoInvocations_LatencyThresholdsFailWithNaN(string expression)
    {
        var result = Evaluate(Empty, expression)[0];

        Assert.IsTrue(double.IsNaN(result.Actual));
        Assert.IsFalse(result.Passed, "an empty run must not satisfy a latency threshold");
        Assert.Contains("nothing was measured", result.Describe());
    }

    [TestMethod]
    [DataRow("count < 100", false)]
    [DataRow("count <= 100", true)]
    [DataRow("count > 100", false)]
    [DataRow("count >= 100", true)]
    [DataRow("count < 101", true)]
    [DataRow("count > 99", true)]
    [DataRow("error_rate < 5%", false)]
    [DataRow("error_rate <= 5%", true)]
    [DataRow("error_rate <= 0.05", true)]
    [DataRow("error_rate > 5%", false)]
    [DataRow("error_rate >= 5%", true)]
    [DataRow("rps < 50", false)]
    [DataRow("rps >= 50", true)]
    [DataRow("min < 1ms", false)]
    [DataRow("min <= 1ms", true)]
    [DataRow("min >= 1000us", true)]
    [DataRow("min > 0.999ms", true)]
    public void Evaluate_ValueAtTheLimit_HoldsOnlyForInclusiveOperators(string expression, bool passes)
    {
        var result = Evaluate(Fixed, expression)[0];

        Assert.AreEqual(passes, result.Passed, result.Describe());
    }

    [TestMethod]
    public void Evaluate_NoErrorRateThreshold_AddsTheDefaultPolicyLast()
    {
        var results = Evaluate(Fixed, "p95 < 1s", "count > 0");

        Assert.HasCount(3, results);
        var policy = results[2];
        Assert.IsTrue(policy.IsDefault);
        Assert.AreEqual("error_rate <= 0%", policy.Threshold.Source);
        Assert.AreEqual(0.05, policy.Actual);
        Assert.IsFalse(policy.Passed);
        Assert.Contains("default: any error fails the test", policy.Describe());
        Assert.IsFalse(results[0].IsDefault);
    }

    [TestMethod]
    public void Evaluate_ErrorRateThreshold_ReplacesTheDefaultPolicy()
    {
        var results = Evaluate(Fixed, "p95 < 1s", "error_rate < 10%");

        Assert.HasCount(2, results);
        Assert.IsFalse(results.Any(r => r.IsDefault));
        Assert.IsTrue(results.All(r => r.Passed));
    }

    [TestMethod]
    public void Evaluate_NoInvocations_DefaultPolicyPassesOnZeroErrorRate()
    {
        var policy = Assert.ContainsSingle(ThresholdEvaluator.Evaluate([], Empty));

        Assert.IsTrue(policy.IsDefault);
        Assert.AreEqual(0.0, policy.Actual);
        Assert.IsTrue(policy.Passed);
    }

    [TestMethod]
    public void Evaluate_Results_KeepDeclarationOrderAndSource()
    {
        var results = Evaluate(Fixed, "rps > 1", "p95 < 1s", "count > 0", "error_rate < 50%");

        Assert.AreSequenceEqual(new[] { "rps > 1", "p95 < 1s", "count > 0", "error_rate < 50%" }, results.Select(r => r.Threshold.Source).ToArray());
    }

    [TestMethod]
    public void Describe_FailedLatency_ShowsMeasuredAndExpectedWithUnits()
    {
        var result = Evaluate(Fixed, "p95 < 50ms")[0];

        Assert.AreEqual($"p95 = {result.ActualText}, expected < 50 ms", result.Describe());
        Assert.EndsWith(" ms", result.ActualText);
    }

    private static double Measure(string metric, RunMeasurements measurements)
    {
        var parsed = metric switch
        {
            "min" => new ThresholdMetric(MetricKind.Min),
            "mean" => new ThresholdMetric(MetricKind.Mean),
            "max" => new ThresholdMetric(MetricKind.Max),
            "count" => new ThresholdMetric(MetricKind.Count),
            "rps" => new ThresholdMetric(MetricKind.Rps),
            "error_rate" => new ThresholdMetric(MetricKind.ErrorRate),
            _ => new ThresholdMetric(MetricKind.Percentile, double.Parse(metric[1..], System.Globalization.CultureInfo.InvariantCulture)),
        };
        return ThresholdEvaluator.Measure(parsed, measurements);
    }

    private static IReadOnlyList<ThresholdResult> Evaluate(RunMeasurements measurements, params string[] expressions)
    {
        var thresholds = expressions.Select(e =>
        {
            var parsed = ThresholdParser.Parse(e);
            Assert.IsTrue(parsed.IsSuccess, parsed.Error);
            return parsed.Value;
        }).ToList();
        return ThresholdEvaluator.Evaluate(thresholds, measurements);
    }

    private static RunMeasurements CreateFixed()
    {
        var histogram = LatencyHistograms.Create();
        for (long ms = 1; ms <= 100; ms++)
        {
            histogram.RecordValue(ms * 1000);
        }

        return new RunMeasurements(histogram, [], [new ErrorSummary("System.Exception", 5, "x")], TimeSpan.FromSeconds(2), 0, false, []);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Transport;

namespace StressTest.Tests.Evaluation;

/// <summary>Step thresholds judged against a step's own numbers, a step that never ran as a failure that names the
/// steps that did, and the <c>checks</c> metric.</summary>
[TestClass]
public sealed class StepThresholdEvaluatorTests
{
    /// <summary>20 invocations over 2 s, 2 of them with a failed check; step "checkout" 10 passes of 10, 20, ..., 100 ms
    /// with 1 error; step "list" 4 passes of 5 ms.</summary>
    private static readonly RunMeasurements Fixed = CreateFixed();

    [TestMethod]
    [DataRow("p95 < 200ms", true)]
    [DataRow("max < 50ms", false)]
    [DataRow("min >= 10ms", true)]
    [DataRow("count == 10", true)]
    [DataRow("count > 10", false)]
    [DataRow("rps == 5", true)]
    [DataRow("error_rate <= 10%", true)]
    [DataRow("error_rate < 10%", false)]
    public void Evaluate_StepThreshold_IsJudgedOnTheStepsOwnNumbers(string expression, bool passes)
    {
        var result = Evaluate(Fixed, (expression, "checkout"))[0];

        Assert.AreEqual(passes, result.Passed, result.Describe());
        Assert.IsNull(result.Problem);
    }

    [TestMethod]
    public void Evaluate_StepLatency_ReadsTheStepsHistogramNotTheInvocations()
    {
        var checkout = Fixed.Steps.Single(s => s.Name == "checkout");

        var result = Evaluate(Fixed, ("p50 < 1s", "checkout"), ("p50 < 1s", "list"));

        Assert.AreEqual(LatencySummary.Percentile(checkout.Latency, 50), result[0].Actual);
        Assert.AreEqual(50.0, result[0].Actual, 0.1);
        Assert.AreEqual(5.0, result[1].Actual, 0.01);
        Assert.AreNotEqual(ThresholdEvaluator.Measure(new ThresholdMetric(MetricKind.Percentile, 50), Fixed), result[0].Actual);
        Assert.StartsWith("step \"checkout\" p50 = ", result[0].Describe());
    }

    [TestMethod]
    public void Evaluate_StepThatNeverRan_FailsNamingTheStepsThatDid()
    {
        var result = Evaluate(Fixed, ("p95 < 200ms", "Checkout"))[0];

        Assert.IsFalse(result.Passed);
        Assert.IsTrue(double.IsNaN(result.Actual));
        Assert.AreEqual("step \"Checkout\" never ran (steps that ran: \"checkout\", \"list\")", result.Problem);
        Assert.AreEqual("step \"Checkout\" p95: step \"Checkout\" never ran (steps that ran: \"checkout\", \"list\"), expected < 200 ms", result.Describe());
    }

    [TestMethod]
    public void Evaluate_StepThresholdButNoStepRan_FailsSayingSo()
    {
        var empty = new RunMeasurements(Histogram(10), [], [], TimeSpan.FromSeconds(1), 0, false, []);

        var result = Evaluate(empty, ("count > 0", "checkout"))[0];

        Assert.IsFalse(result.Passed);
        Assert.AreEqual("step \"checkout\" never ran (no step ran)", result.Problem);
    }

    [TestMethod]
    public void Evaluate_OnlyAStepErrorRateThreshold_KeepsTheDefaultErrorPolicy()
    {
        var failing = new RunMeasurements(Histogram(10, 10), [], [new ErrorSummary("System.Exception", 1, "x")], TimeSpan.FromSeconds(1), 0, false, [])
        {
            Steps = Fixed.Steps,
        };

        var results = Evaluate(failing, ("error_rate < 50%", "checkout"));

        Assert.HasCount(2, results);
        Assert.IsTrue(results[0].Passed, results[0].Describe());
        Assert.IsTrue(results[1].IsDefault);
        Assert.IsFalse(results[1].Passed, "the run's own errors are still judged by the default policy");
    }

    [TestMethod]
    public void Evaluate_RunErrorRateThreshold_ReplacesTheDefaultPolicyAlongsideAStepOne()
    {
        var results = Evaluate(Fixed, ("error_rate < 50%", "checkout"), ("error_rate < 1%", null));

        Assert.HasCount(2, results);
        Assert.IsFalse(results.Any(r => r.IsDefault));
    }

    [TestMethod]
    [DataRow("checks >= 90%", true)]
    [DataRow("checks > 90%", false)]
    [DataRow("checks > 99%", false)]
    [DataRow("checks >= 0.9", true)]
    public void Evaluate_Checks_IsTheShareOfInvocationsWhoseChecksAllHeld(string expression, bool passes)
    {
        var result = Evaluate(Fixed, (expression, null))[0];

        Assert.AreEqual(0.9, result.Actual, 1e-12);
        Assert.AreEqual(passes, result.Passed, result.Describe());
        Assert.StartsWith("checks = 90 %", result.Describe());
    }

    [TestMethod]
    public void Evaluate_ChecksWithNothingMeasured_Fails()
    {
        var empty = new RunMeasurements(LatencyHistograms.Create(), [], [], TimeSpan.FromSeconds(1), 0, false, []);

        var result = Evaluate(empty, ("checks >= 0%", null))[0];

        Assert.IsFalse(result.Passed);
        Assert.Contains("nothing was measured", result.Describe());
    }

    [TestMethod]
    public void Measure_RunOnlyMetricOnAStep_Throws()
    {
        var step = Fixed.Steps[0];

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ThresholdEvaluator.Measure(new ThresholdMetric(MetricKind.Checks), step, Fixed.Measured));
    }

    private static IReadOnlyList<ThresholdResult> Evaluate(RunMeasurements measurements, params (string Expression, string? Step)[] thresholds)
    {
        var parsed = thresholds.Select(t =>
        {
            var result = ThresholdParser.Parse(t.Expression, t.Step);
            Assert.IsTrue(result.IsSuccess, result.Error);
            return result.Value;
        }).ToList();
        return ThresholdEvaluator.Evaluate(parsed, measurements);
    }

    private static RunMeasurements CreateFixed() =>
        new(Histogram(Enumerable.Repeat(100L, 20).ToArray()), [], [], TimeSpan.FromSeconds(2), 0, false, [])
        {
            Steps =
            [
                new StepMeasurement("checkout", Histogram(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), 1),
                new StepMeasurement("list", Histogram(5, 5, 5, 5), 0),
            ],
            FailedCheckInvocations = 2,
        };

    private static LongHistogram Histogram(params long[] milliseconds)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var ms in milliseconds)
        {
            histogram.RecordValue(ms * 1000);
        }

        return histogram;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Transport;

namespace StressTest.Tests.Plan.Rules.Thresholds;

[TestClass]
public sealed class RelativeLimitParserTests
{
    [TestMethod]
    [DataRow("p95 < baseline + 10%", 100.0, 110.0)]
    [DataRow("p99 <= baseline * 1.2", 100.0, 120.0)]
    [DataRow("p95 < baseline + 5ms", 100.0, 105.0)]
    [DataRow("p95 < baseline + 500us", 100.0, 100.5)]
    [DataRow("mean<baseline+1s", 100.0, 1100.0)]
    [DataRow("p95 <= baseline", 100.0, 100.0)]
    [DataRow("rps >= baseline - 5%", 200.0, 190.0)]
    [DataRow("rps >= baseline - 50/s", 200.0, 150.0)]
    [DataRow("count >= BASELINE - 100", 1000.0, 900.0)]
    [DataRow("error_rate <= baseline + 0.5%", 0.01, 0.015)]
    [DataRow("error_rate <= baseline + 0.005", 0.0, 0.005)]
    [DataRow("p99.9 < baseline * 2", 100.0, 200.0)]
    public void Parse_RelativeThreshold_KeepsSourceAndAppliesToTheBaseline(string expression, double baseline, double limit)
    {
        var parsed = ThresholdParser.Parse(expression);

        Assert.IsTrue(parsed.IsSuccess, parsed.Error);
        Assert.AreEqual(expression, parsed.Value.Source);
        Assert.IsNotNull(parsed.Value.Relative);
        Assert.IsTrue(double.IsNaN(parsed.Value.Limit), "a relative threshold has no fixed limit");
        Assert.AreEqual(limit, parsed.Value.Relative.Apply(baseline), 1e-9);
    }

    [TestMethod]
    [DataRow("p95 < baseline + 10%", 90.0)]
    [DataRow("p95 < baseline * 1.25", 80.0)]
    [DataRow("rps >= baseline - 5%", 105.0)]
    [DataRow("p95 <= baseline", 100.0)]
    public void Mirror_IsTheSameToleranceOnTheBetterSide(string expression, double mirror) =>
        Assert.AreEqual(mirror, ThresholdParser.Parse(expression).Value!.Relative!.Mirror(100), 1e-9);

    [TestMethod]
    [DataRow("p95 < baseline + ", "missing amount after \"baseline +\"")]
    [DataRow("p95 < baseline +", "missing amount after \"baseline +\"")]
    [DataRow("p95 < baseline * -1", "the factor \"-1\" after \"baseline *\" must be a number greater than 0")]
    [DataRow("p95 < baseline * 0", "must be a number greater than 0")]
    [DataRow("p95 < baseline * 1.2ms", "takes no unit")]
    [DataRow("p95 < baseline + 10 parsecs", "unknown unit \"parsecs\" (expected % or us, ms, s)")]
    [DataRow("p95 < baseline + 10", "it needs % (of the baseline) or a time unit")]
    [DataRow("p95 < baseline - 100%", "leaves nothing of the baseline")]
    [DataRow("p95 < baseline / 2", "multiply by a factor below 1")]
    [DataRow("p95 < baseline 10%", "unexpected \"10%\" after \"baseline\"")]
    [DataRow("p95 < basline + 10%", "unknown value \"basline\" (did you mean \"baseline\"?); expected a number or \"baseline\"")]
    [DataRow("p95 == baseline", "\"==\" cannot compare with a baseline")]
    [DataRow("p97 < baseline + 10%", "p97 cannot be compared with a baseline: the comparison uses the per-second series")]
    [DataRow("checks > baseline - 1%", "checks cannot be compared with a baseline")]
    [DataRow("error_rate <= baseline + 2", "a fraction must be at most 1")]
    [DataRow("count >= baseline - 1.5", "it must be a whole number")]
    [DataRow("rps >= baseline - 5ms", "the unit \"ms\" does not apply")]
    public void Parse_BadRelativeArithmetic_FailsQuotingTheExpression(string expression, string fragment)
    {
        var parsed = ThresholdParser.Parse(expression);

        Assert.IsFalse(parsed.IsSuccess, $"{expression} should not parse");
        Assert.StartsWith($"Threshold \"{expression}\": ", parsed.Error);
        Assert.Contains(fragment, parsed.Error);
    }

    [TestMethod]
    public void Parse_RelativeThresholdOnAStep_FailsNamingTheStep()
    {
        var parsed = ThresholdParser.Parse("p95 < baseline + 10%", "checkout");

        Assert.IsFalse(parsed.IsSuccess);
        Assert.Contains("Step = \"checkout\"", parsed.Error);
        Assert.Contains("cannot compare with a baseline", parsed.Error);
    }

    [TestMethod]
    public void Evaluate_RelativeThresholds_AreLeftToTheBaselineButReplaceTheDefaultErrorPolicy()
    {
        var relative = ThresholdParser.Parse("error_rate <= baseline + 1%").Value!;
        var measurements = new RunMeasurements(LatencyHistograms.Create(), [], [], TimeSpan.FromSeconds(1), 0, false, []);

        var results = ThresholdEvaluator.Evaluate([relative], measurements);

        Assert.IsEmpty(results, "no absolute result for the relative threshold, and no default error_rate <= 0%");
    }
}

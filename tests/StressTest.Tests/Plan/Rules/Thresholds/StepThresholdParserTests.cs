// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Tests.Plan.Rules.Thresholds;

/// <summary>Thresholds on a step (<c>[Threshold("p95 &lt; 200ms", Step = "checkout")]</c>) and the <c>checks</c> metric.</summary>
[TestClass]
public sealed class StepThresholdParserTests
{
    [TestMethod]
    [DataRow("p95 < 200ms", "p95")]
    [DataRow("min > 0ms", "min")]
    [DataRow("mean < 1s", "mean")]
    [DataRow("max <= 500us", "max")]
    [DataRow("count >= 100", "count")]
    [DataRow("rps > 5", "rps")]
    [DataRow("error_rate < 1%", "error_rate")]
    public void Parse_StepWithAMetricStepsHave_AppliesToTheStep(string expression, string metric)
    {
        var result = ThresholdParser.Parse(expression, "checkout");

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual("checkout", result.Value.Step);
        Assert.AreEqual(expression, result.Value.Source);
        Assert.AreEqual($"step \"checkout\" {metric}", result.Value.Label);
    }

    [TestMethod]
    [DataRow("dropped == 0", "dropped")]
    [DataRow("dropped_rate < 1%", "dropped_rate")]
    [DataRow("checks > 99%", "checks")]
    public void Parse_StepWithARunOnlyMetric_FailsNamingTheStepAndWhatStepsHave(string expression, string metric)
    {
        var result = ThresholdParser.Parse(expression, "checkout");

        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(
            $"Threshold \"{expression}\": {metric} does not apply to a step (Step = \"checkout\"); a step has latency metrics (p95, mean…), count, rps and error_rate.",
            result.Error);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void Parse_EmptyStep_FailsAskingForAStepName(string step)
    {
        var result = ThresholdParser.Parse("p95 < 200ms", step);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"Threshold \"p95 < 200ms\": Step = \"{step}\" is empty; expected the name of a step", result.Error);
        Assert.Contains("ctx.Step(\"name\", ...)", result.Error);
    }

    [TestMethod]
    public void Parse_BadExpressionWithAStep_ReportsTheExpressionsProblem()
    {
        var result = ThresholdParser.Parse("p95 < 200", "checkout");

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("needs a time unit", result.Error);
    }

    [TestMethod]
    public void Parse_NoStep_AppliesToTheWholeInvocation()
    {
        var result = ThresholdParser.Parse("p95 < 200ms");

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.IsNull(result.Value.Step);
        Assert.AreEqual("p95", result.Value.Label);
    }

    [TestMethod]
    [DataRow("checks > 99%", ">", 0.99)]
    [DataRow("checks >= 0.95", ">=", 0.95)]
    [DataRow("checks == 100%", "==", 1.0)]
    [DataRow("CHECKS>99.5 %", ">", 0.995)]
    public void Parse_Checks_IsAFraction(string expression, string op, double limit)
    {
        var result = ThresholdParser.Parse(expression);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(MetricKind.Checks, result.Value.Metric.Kind);
        Assert.AreEqual("checks", result.Value.Metric.Name);
        Assert.IsTrue(result.Value.Metric.IsRate);
        Assert.AreEqual(op, result.Value.Operator.Symbol());
        Assert.AreEqual(limit, result.Value.Limit, 1e-12);
    }

    [TestMethod]
    [DataRow("checks > 101%", "checks \"101%\" is out of range; expected 0% to 100%.")]
    [DataRow("checks > 2", "checks \"2\" is out of range")]
    [DataRow("checks > 5ms", "unit \"ms\" does not apply to checks; expected a percentage such as \"99%\" or a fraction such as \"0.99\".")]
    [DataRow("checks > 10/s", "unit \"/s\" does not apply to checks")]
    public void Parse_ChecksOutOfRangeOrWithAUnit_Fails(string expression, string fragment)
    {
        var result = ThresholdParser.Parse(expression);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"Threshold \"{expression}\": ", result.Error);
        Assert.Contains(fragment, result.Error);
    }
}

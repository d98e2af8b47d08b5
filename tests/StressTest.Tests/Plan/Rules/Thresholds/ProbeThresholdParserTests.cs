// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Tests.Plan.Rules.Thresholds;

[TestClass]
public sealed class ProbeThresholdParserTests
{
    [TestMethod]
    [DataRow("probe:db_lock_waits max < 5", "db_lock_waits", "max", "<", 5.0)]
    [DataRow("  PROBE:api.in-flight MEAN>=0.5 ", "api.in-flight", "mean", ">=", 0.5)]
    [DataRow("probe:x last == 0", "x", "last", "==", 0.0)]
    [DataRow("probe:x min<=10", "x", "min", "<=", 10.0)]
    public void Parse_ProbeThreshold_ReadsNameStatisticOperatorAndNumber(string text, string name, string statistic, string op, double limit)
    {
        var parsed = ThresholdParser.Parse(text);

        Assert.IsTrue(parsed.IsSuccess, parsed.Error);
        var threshold = parsed.Value;
        Assert.AreEqual(MetricKind.Probe, threshold.Metric.Kind);
        Assert.AreEqual((name, statistic, op, limit), (threshold.Metric.Probe, threshold.Metric.Statistic.ToString().ToLowerInvariant(), threshold.Operator.Symbol(), threshold.Limit));
        Assert.AreEqual($"probe:{name} {statistic}", threshold.Metric.Name);
    }

    [TestMethod]
    [DataRow("probe: max < 5", "missing probe name after \"probe:\"")]
    [DataRow("probe:db_lock_waits < 5", "missing statistic after \"probe:db_lock_waits\"; expected min, max, mean or last")]
    [DataRow("probe:db_lock_waits p95 < 5", "unknown statistic \"p95\" of probe \"db_lock_waits\"")]
    [DataRow("probe:db_lock_waits max < 5ms", "a plain number without unit")]
    [DataRow("probe:db_lock_waits max < baseline + 10%", "cannot compare with a baseline")]
    [DataRow("probe:db_lock_waits max", "expected \"probe:db_lock_waits <statistic> <operator> <number>\"")]
    public void Parse_BadProbeThreshold_SaysWhatIsWrong(string text, string expected)
    {
        var parsed = ThresholdParser.Parse(text);

        Assert.IsFalse(parsed.IsSuccess);
        Assert.StartsWith($"Threshold \"{text}\": ", parsed.Error);
        Assert.Contains(expected, parsed.Error);
    }

    [TestMethod]
    public void Parse_ProbeOnAStep_IsRefused()
    {
        var parsed = ThresholdParser.Parse("probe:x max < 5", step: "checkout");

        Assert.Contains("does not apply to a step", parsed.Error!);
    }
}

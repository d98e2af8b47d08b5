// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Tests.Plan.Rules.Thresholds;

/// <summary>Parsing of threshold expressions such as <c>p95 &lt; 150ms</c>.</summary>
[TestClass]
public sealed class ThresholdParserTests
{
    /// <summary>Every accepted form yields the metric, operator and limit in the metric's canonical unit.</summary>
    [TestMethod]
    [DataRow("p95 < 150ms", "Percentile", 95d, "<", 150d)]
    [DataRow("p50<=1s", "Percentile", 50d, "<=", 1000d)]
    [DataRow("p99.9 < 2 s", "Percentile", 99.9, "<", 2000d)]
    [DataRow("p99.99 < 500us", "Percentile", 99.99, "<", 0.5)]
    [DataRow("p100 <= 250µs", "Percentile", 100d, "<=", 0.25)]
    [DataRow("P95 < 5MS", "Percentile", 95d, "<", 5d)]
    [DataRow("  p99   >=   1.5ms  ", "Percentile", 99d, ">=", 1.5)]
    [DataRow("min > 0ms", "Min", 0d, ">", 0d)]
    [DataRow("mean < 20 ms", "Mean", 0d, "<", 20d)]
    [DataRow("MAX<3s", "Max", 0d, "<", 3000d)]
    [DataRow("error_rate < 1%", "ErrorRate", 0d, "<", 0.01)]
    [DataRow("error_rate <= 0.5 %", "ErrorRate", 0d, "<=", 0.005)]
    [DataRow("error_rate < 0.01", "ErrorRate", 0d, "<", 0.01)]
    [DataRow("Error_Rate <= 100%", "ErrorRate", 0d, "<=", 1d)]
    [DataRow("error_rate <= 0", "ErrorRate", 0d, "<=", 0d)]
    [DataRow("rps > 200", "Rps", 0d, ">", 200d)]
    [DataRow("rps >= 12.5/s", "Rps", 0d, ">=", 12.5)]
    [DataRow("count >= 1000", "Count", 0d, ">=", 1000d)]
    [DataRow("count>0", "Count", 0d, ">", 0d)]
    public void Parse_ValidExpression_ReturnsCanonicalThreshold(
        string expression, string kind, double percentile, string op, double limit)
    {
        var result = ThresholdParser.Parse(expression);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(kind, result.Value.Metric.Kind.ToString());
        Assert.AreEqual(percentile, result.Value.Metric.Percentile);
        Assert.AreEqual(op, result.Value.Operator.Symbol());
        Assert.AreEqual(limit, result.Value.Limit, 1e-12);
        Assert.AreEqual(expression, result.Value.Source);
    }

    /// <summary>The canonical metric name is what reports print, whatever case the user wrote.</summary>
    [TestMethod]
    [DataRow("P99.9 < 1ms", "p99.9")]
    [DataRow("ERROR_RATE < 1%", "error_rate")]
    [DataRow("p050 < 1ms", "p50")]
    public void Parse_AnyCase_ReturnsCanonicalMetricName(string expression, string name)
    {
        var result = ThresholdParser.Parse(expression);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(name, result.Value.Metric.Name);
    }

    /// <summary>Every rejected expression is quoted as written, with the offending token and what was expected.</summary>
    [TestMethod]
    [DataRow("", "the expression is empty")]
    [DataRow("   ", "the expression is empty")]
    [DataRow("p42x < 5ms", "unknown metric \"p42x\"; expected min, mean, max, a percentile such as p95 or p99.9, error_rate, rps, count, dropped, dropped_rate, checks or probe:NAME followed by min, max, mean or last.")]
    [DataRow("latency < 5ms", "unknown metric \"latency\"")]
    [DataRow("error-rate < 1%", "unknown metric \"error-rate\"")]
    [DataRow("p < 5ms", "unknown metric \"p\"")]
    [DataRow("p9x < 5ms", "unknown metric \"p9x\"")]
    [DataRow("p99. < 5ms", "unknown metric \"p99.\"")]
    [DataRow("p101 < 5ms", "percentile \"p101\" is out of range")]
    [DataRow("p0 < 5ms", "percentile \"p0\" is out of range")]
    [DataRow("< 150ms", "missing metric before \"< 150ms\"")]
    [DataRow("p95 = 5ms", "unknown operator \"=\"; expected <, <=, >, >= or ==")]
    [DataRow("p95 != 5ms", "unknown operator \"!=\"; expected <, <=, >, >= or ==")]
    [DataRow("p95 =< 5ms", "unknown operator \"=<\"; expected <, <=, >, >= or == (did you mean \"<=\"?)")]
    [DataRow("p95 <> 5ms", "unknown operator \"<>\"")]
    [DataRow("p95 << 5ms", "unknown operator \"<<\"")]
    [DataRow("p95 150ms", "missing operator before \"150ms\"; expected <, <=, >, >= or ==")]
    [DataRow("p95", "missing operator after \"p95\"")]
    [DataRow("p95 <", "missing value after \"<\"")]
    [DataRow("p95 < ms", "missing value before \"ms\"")]
    [DataRow("p95 < NaNms", "\"NaNms\" is not a number; expected a finite number, ")]
    [DataRow("p95 < Infinity", "\"Infinity\" is not a number; expected a finite number, ")]
    [DataRow("p95 < 150", "the value \"150\" needs a time unit (us, ms or s)")]
    [DataRow("p95 < 10 parsecs", "unknown unit \"parsecs\"; expected us, ms or s.")]
    [DataRow("p95 < 1m", "unknown unit \"m\"")]
    [DataRow("p95 < 5%", "unit \"%\" does not apply to p95")]
    [DataRow("p95 < -5ms", "negative value \"-5ms\"")]
    [DataRow("p95 < +5ms", "sign in value \"+5ms\"")]
    [DataRow("p95 < 1e3ms", "exponent in \"1e3\"")]
    [DataRow("p95 < 1..5ms", "malformed number \"1..5\"")]
    [DataRow("p95 < .5ms", "malformed number \".5\"")]
    [DataRow("p95 < 150ms extra", "unexpected \"extra\" after \"150ms\"")]
    [DataRow("p95 < 150 ms ms", "unexpected \"ms\" after \"150 ms\"")]
    [DataRow("p95 < 150ms;", "unexpected \";\" after \"150ms\"")]
    [DataRow("error_rate < 150%", "error_rate \"150%\" is out of range; expected 0% to 100%.")]
    [DataRow("error_rate < 2", "error_rate \"2\" is out of range")]
    [DataRow("error_rate < 5ms", "unit \"ms\" does not apply to error_rate")]
    [DataRow("rps > 10ms", "unit \"ms\" does not apply to rps")]
    [DataRow("rps > 10%", "unit \"%\" does not apply to rps")]
    [DataRow("count > 1.5", "count needs a whole number, not \"1.5\"")]
    [DataRow("count > 10s", "unit \"s\" does not apply to count")]
    public void Parse_InvalidExpression_QuotesExpressionAndProblem(string expression, string fragment)
    {
        var result = ThresholdParser.Parse(expression);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"Threshold \"{expression}\": ", result.Error);
        Assert.Contains(fragment, result.Error);
        Assert.Contains("expected", result.Error);
        Assert.EndsWith(".", result.Error);
    }

    /// <summary>The two messages users see most often, word for word.</summary>
    [TestMethod]
    [DataRow("p42x < 5ms", "Threshold \"p42x < 5ms\": unknown metric \"p42x\"; expected min, mean, max, a percentile such as p95 or p99.9, error_rate, rps, count, dropped, dropped_rate, checks or probe:NAME followed by min, max, mean or last.")]
    [DataRow("p95 < 10 parsecs", "Threshold \"p95 < 10 parsecs\": unknown unit \"parsecs\"; expected us, ms or s.")]
    public void Parse_CommonMistake_ExplainsInOneSentence(string expression, string message)
    {
        Assert.AreEqual(message, ThresholdParser.Parse(expression).Error);
    }

    /// <summary>Null has no text to quote, but still fails with the expected shape.</summary>
    [TestMethod]
    public void Parse_Null_ReportsEmptyExpression()
    {
        var result = ThresholdParser.Parse(null);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith("Threshold \"\": the expression is empty; expected", result.Error);
    }
}

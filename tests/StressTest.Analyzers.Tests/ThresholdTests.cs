// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>STRESS105: <c>[Threshold]</c> expressions, judged by the runtime's ThresholdParser, reported at the
/// expression that is wrong.</summary>
[TestClass]
public sealed class ThresholdTests
{
    [TestMethod]
    [DataRow("p95 < 150 parsecs", "unknown unit \"parsecs\"; expected us, ms or s.")]
    [DataRow("p95 < 150", "the value \"150\" needs a time unit (us, ms or s); expected e.g. \"p95 < 150ms\".")]
    [DataRow("latency < 1s", "unknown metric \"latency\"; expected min, mean, max, a percentile such as p95 or p99.9, error_rate, rps, count, dropped, dropped_rate, checks or probe:NAME followed by min, max, mean or last.")]
    [DataRow("p95 =< 150ms", "unknown operator \"=<\"; expected <, <=, >, >= or == (did you mean \"<=\"?).")]
    [DataRow("error_rate < 150%", "error_rate \"150%\" is out of range; expected 0% to 100%.")]
    [DataRow("p95 < baseline * 0", "the factor \"0\" after \"baseline *\" must be a number greater than 0, e.g. \"baseline * 1.2\".")]
    [DataRow("p95 < baseline - 100%", "\"baseline - 100%\" leaves nothing of the baseline; expected less than 100 %, e.g. \"baseline - 10%\".")]
    [DataRow("p95 == baseline", "\"==\" cannot compare with a baseline: two runs never measure exactly the same; use <= or >= with a tolerance, e.g. \"p95 <= baseline + 10%\".")]
    public async Task Expression_Bad_IsStress105AtTheExpression(string expression, string message)
    {
        var source = Sources.Method($$"""[StressTest, Threshold({|#0:"{{expression}}"|})]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS105", 0, $"[Threshold]: Threshold \"{expression}\": {message}"));
    }

    [TestMethod]
    public async Task Expression_OnAStepItDoesNotApplyTo_IsStress105()
    {
        var source = Sources.Method("""
            [StressTest]
                [Threshold({|#0:"dropped == 0"|}, Step = "checkout")]
            """);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS105", 0, "[Threshold]: Threshold \"dropped == 0\": dropped does not apply to a step (Step = \"checkout\"); a step has latency metrics (p95, mean…), count, rps and error_rate."));
    }

    [TestMethod]
    public async Task Expression_SecondOfThree_IsReportedAtTheSecond()
    {
        var source = Sources.Method("""
            [StressTest]
                [Threshold("p95 < 150ms")]
                [Threshold({|#0:"p99 < 1 fortnight"|})]
                [Threshold("error_rate <= 1%")]
            """);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS105", 0, "[Threshold]: Threshold \"p99 < 1 fortnight\": unknown unit \"fortnight\"; expected us, ms or s."));
    }

    [TestMethod]
    public async Task Expression_EveryGrammar_IsNotReported()
    {
        var source = Sources.Method("""
            [StressTest(Rate = 100)]
                [Threshold("p95 < 150ms")]
                [Threshold("p99.9<=1s")]
                [Threshold("error_rate <= 0.5%")]
                [Threshold("rps >= 90/s")]
                [Threshold("dropped == 0")]
                [Threshold("checks > 99%")]
                [Threshold("p95 < baseline + 10%")]
                [Threshold("rps >= baseline - 5%")]
                [Threshold("probe:db_lock_waits max < 5")]
                [Threshold("p95 < 200ms", Step = "checkout")]
            """);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task Threshold_WithoutStressTest_IsNotAnalyzed()
    {
        await Verify.AnalyzerAsync<StressTestAnalyzer>(Sources.Method("""[Threshold("p95 < 150 parsecs")]"""));
    }
}

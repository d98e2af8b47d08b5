// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.CodeFixes;
using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>The unit fixes for STRESS101, STRESS102 and STRESS105: the nearest unit for a mistyped one, a unit for a
/// bare number, and none when the corrected text would still be rejected.</summary>
[TestClass]
public sealed class ReplaceTextCodeFixTests
{
    [TestMethod]
    [DataRow("p95 < 150 parsecs", "p95 < 150s", "Suggestion0")]
    [DataRow("p95 < 150", "p95 < 150ms", "Suggestion0")]
    [DataRow("p95 < 150", "p95 < 150s", "Suggestion1")]
    [DataRow("p99 <= 2 secs", "p99 <= 2s", "Suggestion0")]
    [DataRow("p95 < baseline + 10 percent", "p95 < baseline + 10%", "Suggestion0")]
    [DataRow("mean < 300 millis", "mean < 300ms", "Suggestion0")]
    public async Task Threshold_MistypedOrMissingUnit_IsFixed(string written, string expected, string key)
    {
        var source = Sources.Method($$"""[StressTest, Threshold({|STRESS105:"{{written}}"|})]""");
        var fixedSource = Sources.Method($$"""[StressTest, Threshold("{{expected}}")]""");

        await Verify.CodeFixAsync<StressTestAnalyzer, ReplaceTextCodeFix>(source, fixedSource, key);
    }

    [TestMethod]
    [DataRow("Duration", "2 mins", "2m")]
    [DataRow("Duration", "10 secs", "10s")]
    [DataRow("Duration", "1d", "24h")]
    [DataRow("Duration", "1min30secs", "1m30s")]
    [DataRow("Duration", "30", "30s")]
    [DataRow("Timeout", "500", "500ms")]
    [DataRow("WarmUp", "5 sec", "5s")]
    public async Task Duration_MistypedOrMissingUnit_IsFixed(string property, string written, string expected)
    {
        var source = Sources.Method($$"""[StressTest({{property}} = {|STRESS101:"{{written}}"|})]""");
        var fixedSource = Sources.Method($$"""[StressTest({{property}} = "{{expected}}")]""");

        await Verify.CodeFixAsync<StressTestAnalyzer, ReplaceTextCodeFix>(source, fixedSource, "Suggestion0");
    }

    [TestMethod]
    public async Task Stages_MistypedUnits_AreFixedTogether()
    {
        var source = Sources.Method("""[StressTest(Stages = {|STRESS102:"30sec:100, 1 min:100, 10secs:0"|})]""");
        var fixedSource = Sources.Method("""[StressTest(Stages = "30s:100, 1m:100, 10s:0")]""");

        await Verify.CodeFixAsync<StressTestAnalyzer, ReplaceTextCodeFix>(source, fixedSource, "Suggestion0");
    }

    [TestMethod]
    [DataRow("[StressTest(Duration = {|STRESS101:\"10d\"|})]")]
    [DataRow("[StressTest(Duration = {|STRESS101:\"5 parsnips\"|})]")]
    [DataRow("[StressTest(Duration = {|STRESS101:\"100 nanoseconds\"|})]")]
    [DataRow("[StressTest, Threshold({|STRESS105:\"latency < 1s\"|})]")]
    public async Task Text_WhoseCorrectionWouldStillBeRejected_GetsNoFix(string attributes)
    {
        var source = Sources.Method(attributes);

        await Verify.CodeFixAsync<StressTestAnalyzer, ReplaceTextCodeFix>(source, source);
    }
}

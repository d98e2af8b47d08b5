// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/WarmUpFixture: a method that JIT-compiles heavily in its first seconds (new generic
/// instantiations over 8,000 value types) is reported "warming" when the warm-up is off and measured clean after the
/// automatic warm-up; and a Debug build of the fixture carries the Debug warning with its fix, a Release build none.
/// </summary>
[TestClass]
public sealed class WarmUpFixtureTests
{
    private static readonly Lazy<Task<FixtureRun>> Run = new(() => FixtureProject.WarmUp.TestAsync("debug"));

    [TestMethod]
    public async Task DotnetTest_JitHeavyWithWarmUpOff_MarksItsFirstSecondsWarming()
    {
        var run = await Run.Value;

        var result = run.Get("JitHeavyWarmUpOff");
        run.AssertPassedWithoutMessage(result);
        // Still warming, or (its JIT taking both cores) short of CPU as well: either way with the warming reason.
        Assert.Contains("Warning: the load generator ", result.ErrorMessage!);
        Assert.Contains(" from 0 s to ", result.ErrorMessage!);
        Assert.Contains("warming: ", result.ErrorMessage!);
        Assert.Contains("throughput there was held back by the generator's JIT, not the API", result.ErrorMessage!);
        var report = ReportJson.Load(result);
        Assert.AreEqual("0s", report.Require("plan").Require("warmUp").GetString());
        var windows = report.Require("generator").Require("windows").EnumerateArray().ToList();
        var first = windows.First();
        Assert.AreEqual(0.0, first.Require("from").GetDouble(), report.Require("generator").ToString());
        Assert.AreEqual("generator", first.Require("cause").GetString());
        Assert.IsTrue(first.Require("reasons").EnumerateArray().Any(r => r.GetString()!.StartsWith("warming: ", StringComparison.Ordinal)), first.ToString());
        var seconds = report.Require("series").EnumerateArray().ToList();
        Assert.IsGreaterThanOrEqualTo(150.0, seconds[0].Require("generator").Require("jitMs").GetDouble(), "the first measured second was JIT-bound");
        Assert.IsGreaterThan(0L, seconds[0].Require("generator").Require("jitMethods").GetInt64());
    }

    [TestMethod]
    public async Task DotnetTest_JitHeavyWithNoWarmUpWritten_WarmsUpAutomaticallyAndMeasuresClean()
    {
        var run = await Run.Value;

        var result = run.Get("JitHeavyAutoWarmUp");
        run.AssertPassedWithoutMessage(result);
        var report = ReportJson.Load(result);
        var plan = report.Require("plan");
        Assert.AreEqual("auto", plan.Require("warmUp").GetString());
        Assert.IsGreaterThanOrEqualTo(3.0, plan.Require("warmUpSeconds").GetDouble(), "the JIT-bound phase lasts 3 s: the warm-up outlasts it");
        Assert.StartsWith("JIT quiet and throughput settled after ", plan.Require("warmUpNote").GetString()!);
        var reasons = report.Require("generator").Require("windows").EnumerateArray().SelectMany(w => w.Require("reasons").EnumerateArray()).Select(r => r.GetString()!);
        Assert.IsFalse(reasons.Any(r => r.StartsWith("warming: ", StringComparison.Ordinal)), report.Require("generator").ToString());
        Assert.DoesNotContain("still warming up", result.ErrorMessage ?? string.Empty);
        Assert.Contains("warm-up auto, ", result.StdOut);
    }

    [TestMethod]
    public async Task DotnetTest_DebugBuild_WarnsWithTheFixInTheMessageAndTheReport()
    {
        var run = await Run.Value;

        var result = run.Get("Quick");
        const string Expected = "Warning: WarmUpFixture.dll and StressTest.dll are Debug builds (JIT optimisation off): the load generator runs slower code than it will in Release";
        Assert.Contains(Expected, result.ErrorMessage ?? string.Empty);
        Assert.Contains("Fix: dotnet test -c Release.", result.ErrorMessage!);
        var report = ReportJson.Load(result);
        Assert.IsTrue(report.Require("warnings").EnumerateArray().Any(w => w.GetString()!.StartsWith(Expected, StringComparison.Ordinal)), report.Require("warnings").ToString());
        AssertDebugAssemblies(report, "WarmUpFixture.dll", "StressTest.dll");
    }

    [TestMethod]
    public async Task DotnetTest_ReleaseBuild_NoDebugWarning()
    {
        var run = await FixtureProject.WarmUpRelease.TestAsync("release", "FullyQualifiedName~Quick");

        var result = run.Get("Quick");
        run.AssertPassedWithoutMessage(result);
        Assert.DoesNotContain("Debug build", result.ErrorMessage ?? string.Empty);
        AssertDebugAssemblies(ReportJson.Load(result));
    }

    private static void AssertDebugAssemblies(JsonElement report, params string[] expected) =>
        Assert.AreSequenceEqual(expected, report.Require("environment").Require("debugAssemblies").EnumerateArray().Select(a => a.GetString()!).ToArray());
}

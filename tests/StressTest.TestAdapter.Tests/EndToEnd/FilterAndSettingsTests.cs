// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>`dotnet test --filter …` and inline settings (`-- StressTest.Key=value`) on tests/Fixtures/BasicFixture.</summary>
[TestClass]
public sealed class FilterAndSettingsTests
{
    [TestMethod]
    public async Task DotnetTest_FilterCategory_RunsOnlyThatCategory()
    {
        var run = await FixtureProject.Basic.TestAsync("category", "Category=Smoke");

        Assert.HasCount(1, run.Trx.Results, run.ToString());
        Assert.AreEqual("Passed", run.Get("SmokeNoOp").Outcome, run.ToString());
        Assert.AreEqual(0, run.Process.ExitCode, run.ToString());
    }

    [TestMethod]
    public async Task DotnetTest_FilterFullyQualifiedNameContains_RunsOnlyMatchingTests()
    {
        var run = await FixtureProject.Basic.TestAsync("fqn", "FullyQualifiedName~LifecycleStressTests");

        Assert.HasCount(1, run.Trx.Results, run.ToString());
        Assert.AreEqual("Passed", run.Get("NeedsSetup").Outcome, run.ToString());
        Assert.IsTrue(run.HasMarker("LifecycleStressTests.setup"));
        Assert.IsFalse(run.HasMarker("FailingSetupStressTests.setup"), "a filtered-out class ran its setup");
    }

    [TestMethod]
    public async Task DotnetTest_FilterName_MatchesTheDisplayName()
    {
        var run = await FixtureProject.Basic.TestAsync("name", "Name=Named stress test|Name=SyncNoOp");

        CollectionAssert.AreEquivalent(
            new[] { "BasicFixture.BasicStressTests.SyncNoOp", "BasicFixture.BasicStressTests.WithDisplayName" },
            run.Trx.Results.Select(r => r.FullyQualifiedName).ToArray(),
            run.ToString());
    }

    [TestMethod]
    public async Task DotnetTest_FilterMatchingNothing_RunsNothing()
    {
        var run = await FixtureProject.Basic.TestAsync("none", "Category=NoSuchCategory");

        Assert.IsEmpty(run.Trx.Results, run.ToString());
        Assert.IsFalse(Directory.Exists(run.MarkersDirectory), "a setup ran although no test was selected");
    }

    [TestMethod]
    public async Task DotnetTest_DurationScaleHalf_HalvesTheMeasuredDuration()
    {
        var run = await FixtureProject.Basic.TestAsync("scaled", "FullyQualifiedName~AsyncDelay20", "StressTest.DurationScale=0.5");

        var result = run.Get("AsyncDelay20");
        Assert.AreEqual("Passed", result.Outcome, run.ToString());
        var report = ReportJson.Load(result);
        var plan = report.Require("plan");
        Assert.AreEqual(0.5, plan.Require("durationScale").GetDouble());
        Assert.AreEqual("750ms", plan.Require("duration").GetString());

        // Declared 1.5 s: half of it is measured.
        Assert.IsInRange(0.7, 0.8, report.Require("durationSeconds").GetDouble());
    }

    [TestMethod]
    public async Task DotnetTest_InvalidSetting_FailsEveryTestNamingTheSetting()
    {
        var run = await FixtureProject.Basic.TestAsync("badsetting", "Category=Smoke", "StressTest.DurationScale=fast");

        var result = run.Get("SmokeNoOp");
        Assert.AreEqual("Failed", result.Outcome, run.ToString());
        Assert.Contains("StressTest.DurationScale = \"fast\"", result.ErrorMessage ?? string.Empty);
    }
}

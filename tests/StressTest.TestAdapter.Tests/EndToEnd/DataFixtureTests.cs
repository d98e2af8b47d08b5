// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/DataFixture: data from setup to the workers, the per-worker lifecycle, teardown
/// after a failed setup and after failing invocations, and feeders with bad input, read back from the TRX and the
/// marker files. The fixture runs once for the whole class (its 30-second cancel target excluded: see
/// <see cref="DataFixtureCancelTests"/>).
/// </summary>
[TestClass]
public sealed class DataFixtureTests
{
    private static readonly Lazy<Task<FixtureRun>> Run = new(() => FixtureProject.Data.TestAsync("all", "FullyQualifiedName!~CancelledDataStressTests"));

    [TestMethod]
    public async Task DotnetTest_WorkerLifecycle_EachWorkerSetsUpAndTearsDownAroundTheLoad()
    {
        var run = await Run.Value;

        var result = run.Get("UsesWorkerState");
        Assert.AreEqual("Passed", result.Outcome, $"{result}: {result.ErrorMessage}{Environment.NewLine}{run}");
        foreach (var marker in new[] { "setup", "worker-setup-0", "worker-setup-1", "worker-teardown-0", "worker-teardown-1", "teardown" })
        {
            Assert.IsTrue(run.HasMarker("WorkerLifecycle." + marker), $"{marker} did not run");
        }

        Assert.IsFalse(run.HasMarker("WorkerLifecycle.teardown-saw-wrong-data"), "teardown gets the setup's context and data");
    }

    [TestMethod]
    public async Task DotnetTest_SetupThrows_NoWorkerStartsTheTestFailsAndTeardownSeesWhatSetupHandedOver()
    {
        var run = await Run.Value;

        run.AssertFailedWith("NeverRuns", "[StressSetup] FailingSetupDataStressTests.Setup threw System.InvalidOperationException: seeding failed on purpose");
        Assert.IsTrue(run.HasMarker("FailingSetup.teardown-saw-seeded"), "teardown ran, with what setup had handed over before it threw");
        Assert.IsFalse(run.HasMarker("FailingSetup.worker-setup"), "no worker is set up after a failed setup");
        Assert.IsFalse(run.HasMarker("FailingSetup.invoked"));
    }

    [TestMethod]
    public async Task DotnetTest_EveryInvocationThrows_FailsAndWorkersAndClassStillTearDown()
    {
        var run = await Run.Value;

        run.AssertFailedWith("AlwaysFails", "the method fails on purpose");
        Assert.IsTrue(run.HasMarker("FailingMethod.worker-teardown-0") && run.HasMarker("FailingMethod.worker-teardown-1"), "worker teardown after failed invocations");
        Assert.IsTrue(run.HasMarker("FailingMethod.teardown"), "teardown after failed invocations");
    }

    [TestMethod]
    public async Task DotnetTest_CsvFeederWithRelativePath_ReadsTheFileCopiedToTheOutputFolder()
    {
        var run = await Run.Value;

        var result = run.Get("ReadsRows");
        Assert.AreEqual("Passed", result.Outcome, $"{result}: {result.ErrorMessage}{Environment.NewLine}{run}");
    }

    [TestMethod]
    [DataRow("MissingCsv", "The CSV data file", "missing.csv does not exist", "resolves against the test assembly's folder")]
    [DataRow("BadCsvRow", "A feeder could not read its next record, so the load stopped", "bad-row.csv line 5, column \"id\": \"four\" does not convert to Int32")]
    [DataRow("JsonNotAnArray", "object.json line 1: the file is not a JSON array: it starts with '{'")]
    [DataRow("UniqueExhaustedFails", "Feeder<Int32> (Unique) over IEnumerable<Int32>", "ran out of records: all 20 were used before the load ended")]
    public async Task DotnetTest_BadData_FailsNamingTheFileLineOrFeeder(string method, params string[] fragments)
    {
        var run = await Run.Value;

        run.AssertFailedWith(method, fragments);
    }

    [TestMethod]
    public async Task DotnetTest_UniqueFeederWithStopRun_PassesWhenTheDataEndsAndSaysSo()
    {
        var run = await Run.Value;

        var result = run.Get("UniqueExhaustedStops");
        Assert.AreEqual("Passed", result.Outcome, $"{result}: {result.ErrorMessage}{Environment.NewLine}{run}");
        Assert.Contains("note  Feeder<Int32> (Unique) over IEnumerable<Int32>", result.StdOut);
        Assert.Contains("the load stopped early (WhenExhausted = StopRun)", result.StdOut);
        var report = ReportJson.Load(result);
        Assert.AreEqual(20L, report.Require("count").GetInt64(), "one invocation per record, then the load stopped");
        Assert.IsLessThan(30.0, report.Require("durationSeconds").GetDouble(), "the run ended with its data, not after Duration");
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Runner;
using StressTest.Tests.TestSupport;
using Targets = StressTest.Tests.Controller.DataTargets;

namespace StressTest.Tests.Controller;

/// <summary>Setup's data reaching the workers and teardown, feeders inside a run (out of data, a bad row), and the
/// per-worker lifecycle, end to end on a fake clock.</summary>
[TestClass]
public sealed class StressControllerDataTests
{
    [TestMethod]
    public async Task RunAsync_SetupSetsValues_WorkersAndTeardownGetThemAndTheRunDisposesThemAfterTeardown()
    {
        var target = Targets.HandsData.Reset();

        var result = await Runs.RunAsync(target.Probe.Clock, typeof(Targets.HandsData), nameof(Targets.HandsData.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(Runs.RunId, target.SetupRunId, "setup sees the run's id, to tag what it seeds");
        Assert.AreEqual(Runs.RunId, target.TeardownRunId, "teardown gets the same context, to delete by it");
        Assert.IsTrue(target.WorkersSaw.All(s => s == "seeded"), "every invocation read setup's value");
        Assert.AreEqual(2, target.WorkerCount, "StressContext.WorkerCount is the Concurrency");
        CollectionAssert.AreEqual(new[] { "teardown saw seeded", "disposed" }, target.Events.ToArray(), "values are disposed after teardown used them");
    }

    [TestMethod]
    public async Task RunAsync_UniqueFeederStopRun_StopsTheLoadWhenTheDataEndsAndPassesWithANote()
    {
        // Run blocks the worker's thread on each invocation; RunAsync completes later, so its invocations chain.
        foreach (var method in new[] { nameof(Targets.UniqueStopRun.Run), nameof(Targets.UniqueStopRun.RunAsync) })
        {
            var probe = Targets.UniqueStopRun.Probe = new TargetProbe();

            var result = await Runs.RunAsync(probe.Clock, typeof(Targets.UniqueStopRun), method);

            Assert.AreEqual(RunOutcome.Passed, result.Outcome, $"{method}: {result.Verdict.FailureText}");
            var m = result.Measurements!;
            Assert.AreEqual(50, m.Count, $"{method}: one invocation per record; the one that found none is not counted");
            Assert.AreEqual(0, m.Errors, method);
            Assert.AreEqual(TimeSpan.FromMilliseconds(500), m.Measured, $"{method}: the measured window ends where the data did, not at Duration");
            Assert.AreEqual(100, m.Rps, 0.001, method);
            var note = Assert.ContainsSingle(m.Notes);
            Assert.Contains("Feeder<Int32> (Unique) over IEnumerable<Int32>", note);
            Assert.Contains("ran out of records: all 50 were used; the load stopped early (WhenExhausted = StopRun)", note);
            Assert.Contains("note  " + note, ResultText.Summary(result));
            Assert.AreEqual(1, probe.Teardowns, method);
        }
    }

    [TestMethod]
    public async Task RunAsync_UniqueFeederFail_StopsTheLoadAndFailsSayingHowManyRecordsWereUsed()
    {
        var probe = Targets.UniqueFail.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.UniqueFail), nameof(Targets.UniqueFail.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(20, result.Measurements!.Count);
        Assert.AreEqual(0, result.Measurements.Errors, "running out is the run's problem, not 20 errors");
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.Contains("ran out of records: all 20 were used before the load ended. Supply more records, shorten the run, or set FeederOptions.WhenExhausted = StopRun", problem);
        Assert.Contains(problem, result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_BadRowFoundWhileStreaming_StopsTheLoadAndFailsNamingFileAndLine()
    {
        var probe = Targets.BadRow.Probe = new TargetProbe();
        using var file = Data.DataFile.Write("ids.csv", "Id\n1\n2\n3\nfour\n5\n");
        Targets.BadRow.Path = file.Path;

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.BadRow), nameof(Targets.BadRow.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.Contains("A feeder could not read its next record, so the load stopped: System.IO.InvalidDataException:", problem);
        Assert.Contains($"{file.Path} line 5, column \"Id\": \"four\" does not convert to Int32", problem);
        Assert.AreEqual(1, probe.Teardowns);
    }

    [TestMethod]
    public async Task RunAsync_FeederOverAnEmptyFile_FailsTheSetupRunsNoLoadButRunsTeardown()
    {
        var probe = Targets.EmptyFile.Probe = new TargetProbe();
        using var file = Data.DataFile.Write("empty.csv", "Key,Name,City\n");
        Targets.EmptyFile.Path = file.Path;

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.EmptyFile), nameof(Targets.EmptyFile.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual(1, probe.Teardowns);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual($"[StressSetup] Feeder<Row> (Circular) over {file.Path}: System.IO.InvalidDataException: {file.Path} has no records: a feeder needs at least one.", problem);
    }

    [TestMethod]
    public async Task RunAsync_WorkerLifecycle_EachWorkerSetsUpBeforeItsInvocationsAndTearsDownBeforeDisposeAndClassTeardown()
    {
        var probe = Targets.WorkerLifecycle.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.WorkerLifecycle), nameof(Targets.WorkerLifecycle.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var events = Targets.WorkerLifecycle.Events.ToList();
        for (var worker = 0; worker < 3; worker++)
        {
            var setUp = events.IndexOf($"setup {worker} {Runs.RunId}-{worker}-setup");
            var tornDown = events.IndexOf($"teardown {worker}");
            var disposed = events.IndexOf($"dispose {worker}");
            Assert.IsGreaterThanOrEqualTo(0, setUp, string.Join(", ", events));
            Assert.IsGreaterThan(setUp, tornDown, string.Join(", ", events));
            Assert.IsGreaterThan(tornDown, disposed, string.Join(", ", events));
        }

        Assert.AreEqual("class teardown", events[^1], "the class's teardown runs after every worker's");
        Assert.AreEqual(result.Measurements!.Count, Targets.WorkerLifecycle.UniqueIds.Count, "every invocation saw its worker's token");
        Assert.AreEqual(Targets.WorkerLifecycle.UniqueIds.Count, Targets.WorkerLifecycle.UniqueIds.Distinct().Count(), "UniqueId is unique per invocation");
        Assert.IsTrue(Targets.WorkerLifecycle.UniqueIds.All(id => id.StartsWith(Runs.RunId + "-", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task RunAsync_WorkerLifecycleOfAnAsyncMethod_WrapsTheChainedInvocationsOfEachWorker()
    {
        Targets.ChainedWorkerLifecycle.Reset();
        var probe = Targets.ChainedWorkerLifecycle.Probe;

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.ChainedWorkerLifecycle), nameof(Targets.ChainedWorkerLifecycle.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var events = Targets.ChainedWorkerLifecycle.Events.ToList();
        for (var worker = 0; worker < 2; worker++)
        {
            var setUp = events.IndexOf($"setup {worker}");
            var firstRun = events.IndexOf($"run {worker}");
            var lastRun = events.LastIndexOf($"run {worker}");
            var tornDown = events.IndexOf($"teardown {worker}");
            var disposed = events.IndexOf($"dispose {worker}");
            Assert.IsGreaterThanOrEqualTo(0, setUp, string.Join(", ", events));
            if (firstRun >= 0)
            {
                // On the fake clock the other worker may step through the whole window before this one starts.
                Assert.IsGreaterThan(setUp, firstRun, "setup before the worker's first invocation");
                Assert.IsGreaterThan(lastRun, tornDown, "teardown after the worker's last invocation completed");
            }

            Assert.IsGreaterThan(setUp, tornDown, string.Join(", ", events));
            Assert.IsGreaterThan(tornDown, disposed, string.Join(", ", events));
        }

        Assert.AreEqual("class teardown", events[^1], "the class's teardown runs after every worker's");
        Assert.IsGreaterThan(0L, result.Measurements!.Count);
        Assert.AreEqual(result.Measurements.Count, events.Count(e => e.StartsWith("run ", StringComparison.Ordinal)), "every invocation completed before its worker tore down");
        Assert.AreEqual(0, result.Measurements.Errors, "every invocation saw its worker's token");
    }

    [TestMethod]
    public async Task RunAsync_WorkerSetupThrows_RunsNoLoadButTearsEveryWorkerAndTheClassDown()
    {
        var probe = Targets.WorkerSetupThrows.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.WorkerSetupThrows), nameof(Targets.WorkerSetupThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual("[StressWorkerSetup] WorkerSetupThrows.LogIn threw System.InvalidOperationException: no account for worker 1", problem);
        Assert.AreEqual(3, Targets.WorkerSetupThrows.Teardowns, "worker teardown runs in every worker, the failed one too");
        Assert.AreEqual(1, probe.Teardowns);
    }

    [TestMethod]
    public async Task RunAsync_WorkerTeardownThrows_FailsNamingItOnceAndKeepsTheVerdictVisible()
    {
        var probe = Targets.WorkerTeardownThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.WorkerTeardownThrows), nameof(Targets.WorkerTeardownThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsTrue(result.Thresholds.All(t => t.Passed));
        var problem = Assert.ContainsSingle(result.Problems, "the same failure in 2 workers is one line");
        Assert.AreEqual("[StressWorkerTeardown] WorkerTeardownThrows.LogOut threw System.InvalidOperationException: session already closed", problem);
        Assert.Contains("The load itself passed: all 2 threshold(s) held.", result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_CancelledWithWorkerLifecycle_TearsEveryWorkerAndTheClassDown()
    {
        var probe = Targets.CancelledLifecycle.Reset();
        using var source = Targets.CancelledLifecycle.Source = new CancellationTokenSource();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.CancelledLifecycle), nameof(Targets.CancelledLifecycle.Run), cancellationToken: source.Token);

        Assert.AreEqual(RunOutcome.Cancelled, result.Outcome);
        Assert.AreEqual(2, Targets.CancelledLifecycle.WorkerTeardowns);
        Assert.AreEqual(1, probe.Teardowns);
    }

    [TestMethod]
    public async Task RunAsync_OpenModelWorkerLifecycle_EverySlotSetsUpAndTearsDownOnce()
    {
        var probe = Targets.OpenLifecycle.Reset();
        var run = Runs.StartAsync(probe.Clock, Plans.Build(typeof(Targets.OpenLifecycle), nameof(Targets.OpenLifecycle.Run)));

        var result = await probe.Clock.DriveScheduledAsync(run, threads: 1);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(10, result.Measurements!.Count);
        CollectionAssert.AreEquivalent(new[] { 0, 1, 2, 3 }, Targets.OpenLifecycle.SetUp.ToArray(), "each of MaxConcurrency slots is a worker");
        CollectionAssert.AreEquivalent(new[] { 0, 1, 2, 3 }, Targets.OpenLifecycle.TornDown.ToArray());
        Assert.AreEqual(4, Targets.OpenLifecycle.WorkerCount);
    }
}

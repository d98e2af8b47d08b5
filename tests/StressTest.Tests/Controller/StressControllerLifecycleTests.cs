// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>Setup, teardown, instances, cancellation and hung invocations, end to end on a fake clock.</summary>
[TestClass]
public sealed class StressControllerLifecycleTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task RunAsync_SetupThrows_RunsNoLoadButRunsTeardownAndNamesTheSetup()
    {
        var probe = Targets.SetupThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.SetupThrows), nameof(Targets.SetupThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.IsEmpty(result.Thresholds);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual(1, probe.Teardowns);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual("[StressSetup] SetupThrows.Setup threw System.InvalidOperationException: database unreachable", problem);
        Assert.Contains(problem, result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_TeardownThrows_FailsShowingThresholdResultsAndTheTeardownProblem()
    {
        var probe = Targets.TeardownThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.TeardownThrows), nameof(Targets.TeardownThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(1, probe.Setups);
        Assert.AreEqual(100, result.Measurements!.Count);
        Assert.HasCount(3, result.Thresholds);
        Assert.IsTrue(result.Thresholds.Single(t => t.Threshold.Source == "count >= 100").Passed);
        Assert.IsFalse(result.Thresholds.Single(t => t.Threshold.Source == "p50 < 5ms").Passed);
        Assert.IsTrue(result.Thresholds.Single(t => t.IsDefault).Passed);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual("[StressTeardown] TeardownThrows.TeardownAsync threw System.IO.IOException: could not delete test data", problem);

        var message = result.Verdict.FailureText;
        Assert.Contains(problem, message);
        Assert.Contains("p50 = 10.007 ms, expected < 5 ms", message);
    }

    [TestMethod]
    public async Task RunAsync_TeardownThrowsAfterPassingRun_FailsOnlyForTheTeardown()
    {
        var probe = Targets.TeardownThrowsOnly.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.TeardownThrowsOnly), nameof(Targets.TeardownThrowsOnly.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsTrue(result.Thresholds.All(t => t.Passed));
        Assert.AreEqual(
            "[StressTeardown] TeardownThrowsOnly.Teardown threw System.InvalidOperationException: boom" + Environment.NewLine
            + "The load itself passed: all 1 threshold(s) held.",
            result.Verdict.FailureText,
            "the cleanup failure fails the test, and the load's own verdict stays visible");
    }

    [TestMethod]
    public async Task RunAsync_Cancelled_IsCancelledWithMeasurementsAndTeardownRan()
    {
        var probe = Targets.CancelsRun.Probe = new TargetProbe();
        using var source = Targets.CancelsRun.Source = new CancellationTokenSource();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.CancelsRun), nameof(Targets.CancelsRun.Run), cancellationToken: source.Token);

        Assert.AreEqual(RunOutcome.Cancelled, result.Outcome);
        Assert.AreEqual(1, probe.Teardowns);
        Assert.IsFalse(Targets.CancelsRun.TeardownToken.IsCancellationRequested, "teardown is not handed the cancelled token");
        Assert.IsTrue(Targets.CancelsRun.TeardownToken.CanBeCanceled, "its own token is cancelled only when it outlives LifecycleTimeout");
        Assert.IsEmpty(result.Thresholds, "thresholds are not judged on a partial run");
        var m = result.Measurements!;
        Assert.IsTrue(m.Cancelled);
        Assert.AreEqual(30, m.Count, "invocations 0-29 completed; the one that cancelled was interrupted and is not measured");
        Assert.AreEqual(0, m.Errors);
        Assert.AreEqual(TimeSpan.FromMilliseconds(300), m.Measured);
        var only = Assert.ContainsSingle(m.Series, "no empty intervals after the cancellation");
        Assert.AreEqual(30, only.Count);
        Assert.StartsWith("Cancelled after 0.3 s of 10.0 s measured", result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_CancelledBeforeStart_RunsNoLoadButRunsTeardown()
    {
        var probe = Targets.NeverStarted.Probe = new TargetProbe();
        using var source = new CancellationTokenSource();
        await source.CancelAsync();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.NeverStarted), nameof(Targets.NeverStarted.Run), cancellationToken: source.Token);

        Assert.AreEqual(RunOutcome.Cancelled, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual(1, probe.Teardowns);
    }

    [TestMethod]
    public async Task RunAsync_ConstructorThrows_FailsWithTheClassWorkerAndException()
    {
        var probe = Targets.ConstructorThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.ConstructorThrows), nameof(Targets.ConstructorThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual(1, probe.Teardowns);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual("Creating an instance of ConstructorThrows for worker 0 failed: System.InvalidOperationException: no connection string", problem);
    }

    [TestMethod]
    public async Task RunAsync_DisposableInstances_EachWorkerCreatesOneAndDisposesItOnce()
    {
        var probe = Targets.Disposable.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Disposable), nameof(Targets.Disposable.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var instances = Targets.Disposable.Instances.ToArray();
        Assert.HasCount(3, instances, "one instance per worker");
        Assert.IsTrue(instances.All(i => i.Disposals == 1), "each instance disposed exactly once");

        // How the invocations spread over the workers depends on thread scheduling, not on the fake clock.
        Assert.AreEqual(result.Measurements!.Count, instances.Sum(i => i.Invocations));
    }

    [TestMethod]
    public async Task RunAsync_AsyncDisposableInstances_AreDisposedAsynchronouslyOnce()
    {
        var probe = Targets.AsyncDisposable.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.AsyncDisposable), nameof(Targets.AsyncDisposable.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var instances = Targets.AsyncDisposable.Instances.ToArray();
        Assert.HasCount(2, instances);
        Assert.IsTrue(instances.All(i => i.AsyncDisposals == 1), "each instance disposed asynchronously exactly once");
        Assert.IsTrue(instances.All(i => i.Disposals == 0), "DisposeAsync replaces Dispose; both would dispose twice");
    }

    [TestMethod]
    public async Task RunAsync_DisposeThrows_FailsNamingTheWorkerAndException()
    {
        var probe = Targets.DisposeThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.DisposeThrows), nameof(Targets.DisposeThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(100, result.Measurements!.Count);
        Assert.IsTrue(result.Thresholds.All(t => t.Passed));
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual("Disposing worker 0's DisposeThrows failed: System.InvalidOperationException: still in use", problem);
    }

    [TestMethod]
    public async Task RunAsync_InvocationHangsIgnoringItsToken_CompletesAfterTheGraceWithOneStuck()
    {
        var probe = Targets.Hangs.Probe = new TargetProbe();
        using var release = Targets.Hangs.Release = new ManualResetEventSlim();
        try
        {
            var settings = StressSettings.Default with { ShutdownGrace = TimeSpan.FromMilliseconds(100) };
            var run = Runs.StartAsync(probe.Clock, Plans.Build(typeof(Targets.Hangs), nameof(Targets.Hangs.Run), settings));

            var result = await probe.Clock.DriveAsync(run, TenMs, canAdvance: () => probe.Invocations > 0);

            Assert.AreEqual(RunOutcome.Failed, result.Outcome);
            var m = result.Measurements!;
            Assert.AreEqual(1, m.Stuck);
            Assert.AreEqual(1, m.Count, "a stuck invocation never completed but still counts");
            Assert.AreEqual(0, m.Latency.TotalCount);
            var stuck = Assert.ContainsSingle(m.ErrorsByKind);
            Assert.AreEqual(ErrorClass.Stuck.Kind, stuck.Kind);
            Assert.AreEqual(1, stuck.Count);
            Assert.Contains("shutdown grace period", stuck.FirstMessage);
            Assert.IsTrue(Targets.Hangs.TokenCancelled, "an abandoned invocation's token is cancelled");
            Assert.IsTrue(result.Problems.Any(p => p.StartsWith("1 invocation(s) were still running 0.1 s after the load ended", StringComparison.Ordinal)), "a hung method fails the test whatever error rate it tolerates");
            Assert.AreEqual(1, probe.Teardowns);
        }
        finally
        {
            // Lets the abandoned worker thread end.
            release.Set();
        }
    }

    public static class Targets
    {
        public static class SetupThrows
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressSetup]
            public static void Setup() => throw new InvalidOperationException("database unreachable");

            [StressTeardown]
            public static void Teardown() => Probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class TeardownThrows
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressSetup]
            public static Task SetupAsync()
            {
                Probe.SetupRan();
                return Task.CompletedTask;
            }

            [StressTeardown]
            public static async ValueTask TeardownAsync(CancellationToken cancellationToken)
            {
                await Task.Yield();
                throw new IOException("could not delete test data");
            }

            [StressTest(Duration = "1s")]
            [Threshold("count >= 100")]
            [Threshold("p50 < 5ms")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public static class TeardownThrowsOnly
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTeardown]
            public static void Teardown() => throw new InvalidOperationException("boom");

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public static class CancelsRun
        {
            public static TargetProbe Probe { get; set; } = new();

            public static CancellationTokenSource Source { get; set; } = new();

            public static CancellationToken TeardownToken { get; private set; } = new(canceled: true);

            [StressTeardown]
            public static void Teardown(CancellationToken cancellationToken)
            {
                TeardownToken = cancellationToken;
                Probe.TeardownRan();
            }

            [StressTest]
            public static void Run(StressContext context)
            {
                if (context.Iteration == 30)
                {
                    Source.Cancel();
                    return;
                }

                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class NeverStarted
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTeardown]
            public static void Teardown() => Probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public sealed class ConstructorThrows
        {
            public ConstructorThrows() => throw new InvalidOperationException("no connection string");

            public static TargetProbe Probe { get; set; } = new();

            [StressTeardown]
            public static void Teardown() => Probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public sealed class Disposable : IDisposable
        {
            private int _disposals;

            public Disposable() => Instances.Add(this);

            public static TargetProbe Probe { get; set; } = new();

            public static ConcurrentBag<Disposable> Instances { get; } = [];

            public int Disposals => Volatile.Read(ref _disposals);

            public int Invocations { get; private set; }

            [StressTest(Duration = "1s", Concurrency = 3)]
            public void Run(StressContext context)
            {
                Invocations++;
                Probe.Clock.Step(context, TenMs);
            }

            public void Dispose() => Interlocked.Increment(ref _disposals);
        }

        public sealed class AsyncDisposable : IAsyncDisposable, IDisposable
        {
            private int _asyncDisposals;
            private int _disposals;

            public AsyncDisposable() => Instances.Add(this);

            public static TargetProbe Probe { get; set; } = new();

            public static ConcurrentBag<AsyncDisposable> Instances { get; } = [];

            public int AsyncDisposals => Volatile.Read(ref _asyncDisposals);

            public int Disposals => Volatile.Read(ref _disposals);

            [StressTest(Duration = "1s", Concurrency = 2)]
            public void Run(StressContext context) => Probe.Clock.Step(context, TenMs);

            public async ValueTask DisposeAsync()
            {
                await Task.Yield();
                Interlocked.Increment(ref _asyncDisposals);
            }

            public void Dispose() => Interlocked.Increment(ref _disposals);
        }

        public sealed class DisposeThrows : IDisposable
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public void Run(StressContext context) => Probe.Clock.Step(context, TenMs);

            public void Dispose() => throw new InvalidOperationException("still in use");
        }

        public static class Hangs
        {
            private static volatile bool _tokenCancelled;

            public static TargetProbe Probe { get; set; } = new();

            public static ManualResetEventSlim Release { get; set; } = new();

            public static bool TokenCancelled => _tokenCancelled;

            [StressTeardown]
            public static void Teardown() => Probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public static void Run(CancellationToken cancellationToken)
            {
                using var registration = cancellationToken.Register(() => _tokenCancelled = true);
                Probe.Hit();
                Release.Wait(CancellationToken.None);
            }
        }
    }
}

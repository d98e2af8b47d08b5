// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>
/// Nothing the user's code does keeps a run from ending (issue 16): lifecycle methods that hang are cancelled and then
/// abandoned (wall time: LifecycleTimeout 100 ms, ShutdownGrace 50 ms here), invocations that outlive the run are cut
/// off or, ignoring their token, called stuck, and a null Task stops the run naming the method.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class StressControllerBoundsTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);
    private static readonly StressSettings Short = StressSettings.Default with { LifecycleTimeout = TimeSpan.FromMilliseconds(100), ShutdownGrace = TimeSpan.FromMilliseconds(50) };

    [TestMethod]
    public async Task RunAsync_SetupHangsHonouringItsToken_IsCancelledNoLoadRunsTeardownRuns()
    {
        var probe = Targets.SetupHangs.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.SetupHangs), nameof(Targets.SetupHangs.Run), Short);

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual(1, probe.Teardowns, "teardown runs after a setup that timed out");
        Assert.AreEqual("[StressSetup] SetupHangs.Setup did not finish within LifecycleTimeout (100 ms) and was cancelled; raise the StressTest.LifecycleTimeout setting if it needs longer.", Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task RunAsync_TeardownIgnoresItsToken_IsAbandonedAndTheLoadsVerdictStays()
    {
        var probe = Targets.TeardownHangs.Probe = new TargetProbe();
        using var release = Targets.TeardownHangs.Release = new ManualResetEventSlim();

        var result = await RunReleasingAsync(release, probe, typeof(Targets.TeardownHangs));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(100, result.Measurements!.Count);
        Assert.AreEqual(
            "[StressTeardown] TeardownHangs.Teardown did not finish within LifecycleTimeout (100 ms); its CancellationToken was cancelled and it was still running 50 ms later (ShutdownGrace), so it was abandoned. Make it honour its token, or raise the StressTest.LifecycleTimeout setting.",
            Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task RunAsync_WorkerSetupHangs_NoLoadAndTheMessageNamesIt()
    {
        var probe = Targets.WorkerSetupHangs.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.WorkerSetupHangs), nameof(Targets.WorkerSetupHangs.Run), Short);

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual("[StressWorkerSetup] WorkerSetupHangs.Setup did not finish within LifecycleTimeout (0.1 s) and was cancelled; raise the StressTest.LifecycleTimeout setting if it needs longer.", Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task RunAsync_WorkerTeardownIgnoresItsToken_IsAbandonedAfterTheMeasurementsWereSent()
    {
        var probe = Targets.WorkerTeardownHangs.Probe = new TargetProbe();
        using var release = Targets.WorkerTeardownHangs.Release = new ManualResetEventSlim();

        var result = await RunReleasingAsync(release, probe, typeof(Targets.WorkerTeardownHangs));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(100, result.Measurements!.Count, "the last interval is sent before the workers tear down");
        Assert.AreEqual(1, probe.Teardowns, "the class's teardown still runs");
        Assert.AreEqual(
            "[StressWorkerTeardown] WorkerTeardownHangs.TearDown did not finish within LifecycleTimeout (100 ms); its CancellationToken was cancelled and it was still running 50 ms later (ShutdownGrace), so it was abandoned. Make it honour its token, or raise the StressTest.LifecycleTimeout setting.",
            Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task RunAsync_InvocationHonoursItsTokenButOutlivesTheRun_IsCutOffNotStuck()
    {
        var probe = Targets.Outlives.Probe = new TargetProbe();
        var settings = StressSettings.Default with { ShutdownGrace = TimeSpan.FromMilliseconds(100) };
        var run = Runs.StartAsync(probe.Clock, Plans.Build(typeof(Targets.Outlives), nameof(Targets.Outlives.Run), settings));

        var result = await probe.Clock.DriveAsync(run, TenMs, canAdvance: () => probe.Invocations > 0);

        var m = result.Measurements!;
        Assert.AreEqual(0, m.Stuck);
        var cutOff = Assert.ContainsSingle(m.ErrorsByKind);
        Assert.AreEqual((ErrorClass.CutOff.Kind, 1L), (cutOff.Kind, cutOff.Count));
        Assert.StartsWith("Still running ShutdownGrace (0.1 s) after the load ended: its CancellationToken was cancelled and it returned.", cutOff.FirstMessage);
        Assert.IsFalse(result.Problems.Any(p => p.Contains("ignores its CancellationToken", StringComparison.Ordinal)), "it honours its token");
        Assert.AreEqual(RunOutcome.Failed, result.Outcome, "an invocation cut off is an error");
    }

    [TestMethod]
    public async Task RunAsync_MethodReturnsNullTask_StopsAtOnceNamingTheMethod()
    {
        var probe = Targets.NullTask.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.NullTask), nameof(Targets.NullTask.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(1, probe.Invocations, "the first null Task stops the run");
        Assert.AreEqual("NullTask.Run returned null instead of a Task: return Task.CompletedTask, or make the method async.", result.Problems[0]);
    }

    /// <summary>Runs the target's <c>Run</c> with the short bounds, then lets its abandoned thread end.</summary>
    private static async Task<StressRunResult> RunReleasingAsync(ManualResetEventSlim release, TargetProbe probe, Type target)
    {
        try
        {
            return await Runs.RunAsync(probe.Clock, target, "Run", Short);
        }
        finally
        {
            release.Set();
        }
    }

    public static class Targets
    {
        public static class SetupHangs
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressSetup]
            public static Task Setup(CancellationToken cancellationToken) => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

            [StressTeardown]
            public static void Teardown() => Probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class TeardownHangs
        {
            public static TargetProbe Probe { get; set; } = new();

            public static ManualResetEventSlim Release { get; set; } = new();

            [StressTeardown]
            public static void Teardown() => Release.Wait(CancellationToken.None);

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public sealed class WorkerSetupHangs
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressWorkerSetup]
            public Task Setup(CancellationToken cancellationToken) => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

            [StressTest(Duration = "1s")]
            public void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public sealed class WorkerTeardownHangs
        {
            public static TargetProbe Probe { get; set; } = new();

            public static ManualResetEventSlim Release { get; set; } = new();

            [StressWorkerTeardown]
            public void TearDown() => Release.Wait(CancellationToken.None);

            [StressTeardown]
            public static void Teardown() => Probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public static class Outlives
        {
            public static TargetProbe Probe { get; set; } = new();

            // A Timeout far beyond anything the driven fake clock reaches: the point is the cut-off, not a timeout.
            [StressTest(Duration = "100ms", Timeout = "1h")]
            public static async Task Run(CancellationToken cancellationToken)
            {
                Probe.Hit();
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            }
        }

        public static class NullTask
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public static Task Run()
            {
                Probe.Hit();
                return null!;
            }
        }
    }
}

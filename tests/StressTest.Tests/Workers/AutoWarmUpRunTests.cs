// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Tests.TestSupport;
using StressTest.Workers;

namespace StressTest.Tests.Workers;

/// <summary>
/// The automatic warm-up on the real clock (the only clock it runs on): the measured window starts when the rule says
/// warm, the open model's measured arrivals are scheduled from there (exactly Rate × Duration of them), warm-up
/// invocations never count, and a ramp runs its stages as written after it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class AutoWarmUpRunTests
{
    [TestMethod]
    public async Task RunAsync_OpenModelNoWarmUpWritten_WarmsUpThenMeasuresExactlyTheScheduledArrivals()
    {
        Targets.Calls = 0;

        var result = await RunAsync(nameof(Targets.Open));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.Message);
        var m = result.Measurements!;
        Assert.IsNotNull(m.AutoWarmUp);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), m.AutoWarmUp.Value, "at least two half seconds to compare");
        Assert.StartsWith("JIT quiet and throughput settled after ", m.AutoWarmUpNote!);
        Assert.AreEqual(200, m.Count, "200/s for 1 s, counted from the window's start whatever the warm-up's length");
        Assert.IsGreaterThan(200L + 100, Interlocked.Read(ref Targets.Calls), "the warm-up ran the same load, unmeasured");
        Assert.AreEqual(0, m.Dropped);
    }

    [TestMethod]
    public async Task RunAsync_ClosedRampNoWarmUpWritten_WarmsAtTheFirstTargetThenRunsTheStagesAsWritten()
    {
        var result = await RunAsync(nameof(Targets.Ramp));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.Message);
        var m = result.Measurements!;
        Assert.IsNotNull(m.AutoWarmUp);
        Assert.AreEqual(2, m.Series.Count, m.Measured.ToString());
        Assert.AreEqual(0.0, m.Series[^1].Target, 1e-3, "the ramp down to 0 ran after the warm-up");
        Assert.AreEqual(2.0, m.Series[0].Target, 0.05, "the first stage ramps from 0, as written, to 2");
        Assert.IsGreaterThan(0L, m.Count);
    }

    private static Task<StressRunResult> RunAsync(string method) =>
        new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System))
            .RunAsync(Plans.Build(typeof(Targets), method), "auto-warm-up", CancellationToken.None)
            .WaitAsync(TestClock.Guard);

    public static class Targets
    {
        public static long Calls;

        [StressTest(Rate = 200, Duration = "1s")]
        public static Task Open()
        {
            Interlocked.Increment(ref Calls);
            return Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }

        // Measured: 0 → 2 workers over 1 s, then 2 → 0; the warm-up held 2.
        [StressTest(Stages = "1s:2, 1s:0")]
        public static Task Ramp() => Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Workers;

/// <summary>
/// The open model end to end (controller, in-process agent, pacer, slot pool) on a fake clock that jumps straight to
/// each wake-up (<see cref="TestClock.DriveScheduledAsync"/>): the pacer wakes exactly at every intended start, so
/// arrival counts, start times and latencies are exact. Targets return a completed task unless a test says
/// otherwise, so they take no time and run on the pacer thread.
/// </summary>
[TestClass]
public sealed partial class OpenModelExecutorTests
{
    private const int Pacer = 1;
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task Run_Rate100ForOneSecond_StartsExactly100Invocations10MsApart()
    {
        var target = Targets.Uniform100.Reset();

        var result = await RunAsync(target, typeof(Targets.Uniform100));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var m = result.Measurements!;
        Assert.AreEqual(100, m.Count);
        Assert.AreEqual(100, target.Probe.Invocations);
        Assert.AreSequenceEqual(Enumerable.Range(0, 100).Select(k => (long)k).ToArray(), target.Iterations());
        Assert.AreSequenceEqual(Enumerable.Range(0, 100).Select(k => k * TenMs).ToArray(), target.StartTimes());
        Assert.AreEqual(0, m.Dropped);
        Assert.AreEqual(0.0, m.DroppedRate);
        Assert.AreEqual(TimeSpan.FromSeconds(1), m.Measured);
        Assert.AreEqual(100.0, m.Rps);
        Assert.AreEqual(0, m.Stuck);
        var only = Assert.ContainsSingle(m.Series, string.Join("; ", m.Series.Select(s => $"#{s.Index} [{s.StartSeconds}, {s.EndSeconds}] n={s.Count}")));
        Assert.AreEqual(100, only.Count);
        Assert.AreEqual(100.0, only.Target);
        Assert.AreEqual(0, only.Dropped);
    }

    [TestMethod]
    public async Task Run_TargetTakesNoTime_LatencyServiceAndLatenessAreAllZero()
    {
        var target = Targets.NoTime.Reset();

        var m = (await RunAsync(target, typeof(Targets.NoTime))).Measurements!;

        Assert.AreEqual(100, m.Latency.TotalCount);
        Assert.AreEqual(0, m.Latency.GetMaxValue());
        Assert.AreEqual(100, m.ServiceTime!.TotalCount);
        Assert.AreEqual(0, m.ServiceTime.GetMaxValue());
        Assert.AreEqual(100, m.Lateness!.TotalCount);
        Assert.AreEqual(0, m.Lateness.GetMaxValue());
    }

    [TestMethod]
    public async Task Run_FirstInvocationHoldsThePacerFor50Ms_LaterArrivalsStartLateAndLatencyCountsFromIntendedStart()
    {
        // Iteration 0 takes 50 ms on the pacer thread; arrivals due at 10, 20, 30 and 40 ms start at 50 ms. Measured
        // from their intended starts they took 40, 30, 20 and 10 ms although their own service time is zero.
        var target = Targets.HoldsPacer.Reset();

        var result = await RunAsync(target, typeof(Targets.HoldsPacer));

        var m = result.Measurements!;
        Assert.AreEqual(100, m.Count);
        var starts = target.StartTimes();
        Assert.AreSequenceEqual(new[] { 0, 50, 50, 50, 50, 50, 60, 70 }.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray(), starts.Take(8).ToArray());
        AssertValues(m.Latency, (0, 95), (10_000, 1), (20_000, 1), (30_000, 1), (40_000, 1), (50_000, 1));
        AssertValues(m.Lateness!, (0, 96), (10_000, 1), (20_000, 1), (30_000, 1), (40_000, 1));
        AssertValues(m.ServiceTime!, (0, 99), (50_000, 1));
    }

    [TestMethod]
    public async Task Run_StagesRampTo100ThenHold_ArrivalsPerSecondAreTheRatesIntegral()
    {
        // From 0 to 100/s over the first second: 50 arrivals (at √(k/50) s); 100/s in the second: 100 arrivals.
        var target = Targets.Ramp.Reset();

        var result = await RunAsync(target, typeof(Targets.Ramp));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var starts = target.StartTimes();
        Assert.AreEqual(50, starts.Count(t => t < TimeSpan.FromSeconds(1)));
        Assert.AreEqual(100, starts.Count(t => t >= TimeSpan.FromSeconds(1) && t < TimeSpan.FromSeconds(2)));
        Assert.AreSequenceEqual(Offsets(result.Plan.Load.Timeline(), Arrivals.Uniform, seed: 1), starts);
        Assert.AreEqual(TimeSpan.FromMilliseconds(200), starts[2], "arrival 2 where 50·t² = 2");
        Assert.AreEqual(TimeSpan.FromSeconds(1), starts[50]);
        Assert.AreEqual(TimeSpan.FromMilliseconds(1990), starts[^1]);
        var m = result.Measurements!;
        Assert.AreEqual(150, m.Count);
        Assert.AreSequenceEqual(new[] { 50L, 100L }, m.Series.Select(s => s.Count).ToArray());
        Assert.AreSequenceEqual(new[] { 100.0, 100.0 }, m.Series.Select(s => s.Target).ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(2), m.Measured);
    }

    [TestMethod]
    public async Task Run_PoissonArrivals_FollowTheSeededScheduleExactly()
    {
        var target = Targets.Poisson.Reset();
        var settings = StressSettings.Default with { Seed = 7 };

        var result = await RunAsync(target, typeof(Targets.Poisson), settings);

        var expected = Offsets(LoadShape.Constant(100, TimeSpan.FromSeconds(1)), Arrivals.Poisson, seed: 7);
        Assert.AreSequenceEqual(expected, target.StartTimes());
        Assert.AreEqual(expected.Length, result.Measurements!.Count);
        Assert.IsTrue(expected.Zip(expected.Skip(1), (a, b) => b - a).Distinct().Count() > 10, "sanity: Poisson gaps vary");
        CollectionAssert.AreNotEqual(expected, Offsets(LoadShape.Constant(100, TimeSpan.FromSeconds(1)), Arrivals.Poisson, seed: 8), "another seed, another run");
    }

    [TestMethod]
    public async Task Run_WarmUp_ArrivalsRunButOnlyThoseAfterItAreMeasured()
    {
        var target = Targets.WarmUp.Reset();

        var result = await RunAsync(target, typeof(Targets.WarmUp));

        var m = result.Measurements!;
        Assert.AreEqual(150, target.Probe.Invocations, "50 in the 500 ms warm-up, 100 measured");
        Assert.AreEqual(100, m.Count);
        Assert.AreEqual(TimeSpan.FromSeconds(1), m.Measured);
        Assert.AreEqual(100, Assert.ContainsSingle(m.Series).Count);
    }

    [TestMethod]
    public async Task Run_StagesWithWarmUp_WarmUpRampsFromZeroToTheFirstTarget()
    {
        // Warm-up 1 s ramps 0 → 100/s (50 arrivals); the stage "1s:100" then holds 100/s (100 measured arrivals).
        var target = Targets.StagedWarmUp.Reset();

        var result = await RunAsync(target, typeof(Targets.StagedWarmUp));

        Assert.AreEqual(150, target.Probe.Invocations);
        Assert.AreEqual(50, target.StartTimes().Count(t => t < TimeSpan.FromSeconds(1)));
        Assert.AreEqual(100, result.Measurements!.Count);
    }

    [TestMethod]
    public async Task Run_InFlightCapReached_DropsAndCountsTheArrivalsThatFindNoSlot()
    {
        // Five slots; each invocation waits until the test releases it at 1.5 s, inside the shutdown grace. The
        // first five arrivals take the slots, the other 95 of the window find none.
        var target = Targets.Capped.Reset();

        var result = await RunAsync(target, typeof(Targets.Capped), actions: (TimeSpan.FromSeconds(1.5), target.ReleaseAll));

        var m = result.Measurements!;
        Assert.AreEqual(5, target.Probe.Invocations);
        Assert.AreSequenceEqual(new[] { 0L, 1L, 2L, 3L, 4L }, target.Iterations());
        Assert.AreEqual(5, m.Count);
        Assert.AreEqual(95, m.Dropped);
        Assert.AreEqual(0.95, m.DroppedRate);
        Assert.AreEqual(0, m.Stuck);
        Assert.AreEqual(95, m.Series.Sum(s => s.Dropped));
        Assert.AreEqual(95, m.Series[0].Dropped, "drops belong to the interval they happened in");
        Assert.AreEqual(5, m.Series.Sum(s => s.Count));
        AssertValues(m.Latency, (1_460_000, 1), (1_470_000, 1), (1_480_000, 1), (1_490_000, 1), (1_500_000, 1));
        AssertValues(m.Lateness!, (0, 5));
    }

    [TestMethod]
    public async Task Run_InFlightCapReached_DroppedThresholdsAreJudged()
    {
        var target = Targets.CappedWithThresholds.Reset();

        var result = await RunAsync(target, typeof(Targets.CappedWithThresholds), actions: (TimeSpan.FromSeconds(1.5), target.ReleaseAll));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        var bySource = result.Thresholds.ToDictionary(t => t.Threshold.Source, StringComparer.Ordinal);
        Assert.IsTrue(bySource["dropped == 95"].Passed);
        Assert.AreEqual(95.0, bySource["dropped == 95"].Actual);
        Assert.IsFalse(bySource["dropped == 0"].Passed);
        Assert.IsTrue(bySource["dropped_rate <= 95%"].Passed);
        Assert.AreEqual(0.95, bySource["dropped_rate <= 95%"].Actual);
        Assert.IsFalse(bySource["dropped_rate < 95%"].Passed);
        Assert.IsTrue(bySource["count == 5"].Passed);
        Assert.IsTrue(result.Thresholds.Single(t => t.IsDefault).Passed, "drops are not errors");
        Assert.IsEmpty(result.Problems);
    }

    [TestMethod]
    public async Task Run_DropsDuringWarmUp_AreNotCounted()
    {
        // One slot, held by the warm-up's first invocation until 695 ms: the arrivals at 10..490 ms (warm-up) and at
        // 500..690 ms (measured) find it busy; only the latter 20 count. From 700 ms on every arrival runs.
        var target = Targets.CappedWarmUp.Reset();

        var result = await RunAsync(target, typeof(Targets.CappedWarmUp), actions: (TimeSpan.FromMilliseconds(695), target.ReleaseAll));

        var m = result.Measurements!;
        Assert.AreEqual(20, m.Dropped);
        Assert.AreEqual(80, m.Count, "arrivals at 700..1490 ms; the one held through the warm-up is not measured");
        Assert.AreEqual(0.2, m.DroppedRate);
        Assert.AreEqual(81, target.Probe.Invocations);
    }

    [TestMethod]
    public async Task Run_InvocationNeverCompletesAndIgnoresItsToken_IsAbandonedAfterTheGraceAsStuck()
    {
        var target = Targets.Hangs.Reset();
        var settings = StressSettings.Default with { ShutdownGrace = TimeSpan.FromMilliseconds(100) };
        try
        {
            var result = await RunAsync(target, typeof(Targets.Hangs), settings);

            Assert.AreEqual(RunOutcome.Failed, result.Outcome);
            var m = result.Measurements!;
            Assert.AreEqual(1, m.Stuck);
            Assert.AreEqual(1, m.Count, "a stuck invocation never completed but still counts");
            Assert.AreEqual(0, m.Latency.TotalCount);
            var stuck = Assert.ContainsSingle(m.ErrorsByKind);
            Assert.AreEqual(ErrorClass.Stuck.Kind, stuck.Kind);
            Assert.AreEqual(1, stuck.Count);
            Assert.AreEqual(TimeSpan.FromMilliseconds(1100), target.CancelledAt, "abandoned (token cancelled) when the 100 ms grace after the 1 s window ran out");
            Assert.IsTrue(result.Problems.Any(p => p.StartsWith("1 invocation(s) were still running 0.1 s after the load ended", StringComparison.Ordinal)), string.Join(Environment.NewLine, result.Problems));
        }
        finally
        {
            // Lets the abandoned invocation end.
            target.ReleaseAll();
        }
    }

    [TestMethod]
    public async Task Run_SynchronousMethod_RunsOnSlotThreadsAndStartsEveryArrival()
    {
        // A void method cannot be left running, so each slot runs it on a thread of its own. Each invocation steps
        // the clock 10 ms, which is what makes the next arrival due: exactly 100 in the window.
        var probe = Targets.Synchronous.Probe = new TargetProbe();
        Targets.Synchronous.Iterations = new();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Synchronous), nameof(Targets.Synchronous.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(100, result.Measurements!.Count);
        Assert.AreSequenceEqual(Enumerable.Range(0, 100).Select(k => (long)k).ToArray(), Targets.Synchronous.Iterations.Order().ToArray());
    }

    private static Task<StressRunResult> RunAsync(Targets.Recorder target, Type type, StressSettings? settings = null, params (TimeSpan At, Action Action)[] actions)
    {
        var clock = target.Probe.Clock;
        var run = Runs.StartAsync(clock, Plans.Build(type, nameof(Targets.Uniform100.Run), settings));
        return clock.DriveScheduledAsync(run, Pacer, actions);
    }

    private static TimeSpan[] Offsets(LoadShape shape, Arrivals arrivals, int seed)
    {
        var schedule = new ArrivalSchedule(shape, arrivals, seed);
        var offsets = new List<TimeSpan>();
        while (schedule.TryNext(out var offset))
        {
            offsets.Add(offset);
        }

        return [.. offsets];
    }

    /// <summary>Asserts the histogram holds exactly these values (µs) with these counts, to its resolution.</summary>
    private static void AssertValues(HistogramBase histogram, params (long Value, long Count)[] expected)
    {
        var actual = histogram.RecordedValues().Select(v => (histogram.LowestEquivalentValue(v.ValueIteratedTo), v.CountAtValueIteratedTo)).ToArray();
        var wanted = expected.Select(e => (histogram.LowestEquivalentValue(e.Value), e.Count)).ToArray();
        Assert.AreSequenceEqual(wanted, actual);
    }
}

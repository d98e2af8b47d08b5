// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using HdrHistogram;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Workers;

/// <summary>
/// The closed model's Pacing and ramping Stages end to end on a fake clock. Workers that wait (for their next paced
/// start, or for the ramp to reach them) are woken exactly at their time by <see cref="TestClock.DriveScheduledAsync"/>;
/// targets either take no time or step the clock themselves.
/// </summary>
[TestClass]
public sealed class ClosedModelPacingTests
{
    [TestMethod]
    public async Task Run_Pacing100MsTargetTakes10Ms_StartsExactly10Invocations100MsApart()
    {
        var target = Targets.Paced.Reset();

        var result = await DriveAsync(target, typeof(Targets.Paced), threads: 1);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var m = result.Measurements!;
        Assert.AreEqual(10, m.Count);
        Assert.AreSequenceEqual(Enumerable.Range(0, 10).Select(k => (0, (long)k, k * TimeSpan.FromMilliseconds(100))).ToArray(), target.Seen());
        AssertValues(m.Latency, (10_000, 10));
        AssertValues(m.ServiceTime!, (10_000, 10));
        AssertValues(m.Lateness!, (0, 10));
        var only = Assert.ContainsSingle(m.Series);
        Assert.AreEqual(10, only.Count);
        Assert.AreEqual(TimeSpan.FromSeconds(1), m.Measured);
    }

    [TestMethod]
    public async Task Run_TargetSlowerThanPacing_LatencyFromIntendedStartGrowsWithTheBacklog()
    {
        // Pacing 100 ms, each invocation 150 ms: invocation k is intended at 100·k ms but starts at 150·k ms, so its
        // latency is 150 + 50·k ms while its service time stays 150 ms. Seven start before the 1 s window closes.
        var target = Targets.SlowerThanPacing.Reset();

        var result = await Runs.RunAsync(target.Probe.Clock, typeof(Targets.SlowerThanPacing), nameof(Targets.SlowerThanPacing.Run));

        var m = result.Measurements!;
        Assert.AreEqual(7, m.Count);
        Assert.AreSequenceEqual(Enumerable.Range(0, 7).Select(k => k * TimeSpan.FromMilliseconds(150)).ToArray(), target.Seen().Select(s => s.At).ToArray());
        AssertValues(m.Latency, (150_000, 1), (200_000, 1), (250_000, 1), (300_000, 1), (350_000, 1), (400_000, 1), (450_000, 1));
        AssertValues(m.ServiceTime!, (150_000, 7));
        AssertValues(m.Lateness!, (0, 1), (50_000, 1), (100_000, 1), (150_000, 1), (200_000, 1), (250_000, 1), (300_000, 1));
    }

    [TestMethod]
    public async Task Run_PacingWithTwoWorkers_EachKeepsTheSchedule()
    {
        var target = Targets.PacedPair.Reset();

        var result = await DriveAsync(target, typeof(Targets.PacedPair), threads: 2);

        var m = result.Measurements!;
        Assert.AreEqual(20, m.Count);
        var expected = Enumerable.Range(0, 10).Select(k => k * TimeSpan.FromMilliseconds(100)).ToArray();
        Assert.AreSequenceEqual(expected, target.Seen().Where(s => s.Worker == 0).Select(s => s.At).ToArray());
        Assert.AreSequenceEqual(expected, target.Seen().Where(s => s.Worker == 1).Select(s => s.At).ToArray());
        AssertValues(m.Lateness!, (0, 20));
    }

    [TestMethod]
    public async Task Run_StagesRampTwoPacedWorkers_EachWorkerStartsWhenTheRampReachesIt()
    {
        // 0 → 2 workers over 800 ms, then 2 for 1.2 s: worker 0 is active from 400 ms (the target reaches 1), worker 1
        // from 800 ms. Paced every 100 ms from their activation until the 2 s end.
        var target = Targets.RampedPaced.Reset();

        var result = await DriveAsync(target, typeof(Targets.RampedPaced), threads: 2);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(2, result.Plan.Load.Concurrency);
        var seen = target.Seen();
        Assert.AreSequenceEqual(Enumerable.Range(4, 16).Select(k => k * TimeSpan.FromMilliseconds(100)).ToArray(), seen.Where(s => s.Worker == 0).Select(s => s.At).ToArray());
        Assert.AreSequenceEqual(Enumerable.Range(8, 12).Select(k => k * TimeSpan.FromMilliseconds(100)).ToArray(), seen.Where(s => s.Worker == 1).Select(s => s.At).ToArray());
        var m = result.Measurements!;
        Assert.AreEqual(28, m.Count);
        Assert.AreSequenceEqual(new[] { 8L, 20L }, m.Series.Select(s => s.Count).ToArray());
        Assert.AreSequenceEqual(new[] { 2.0, 2.0 }, m.Series.Select(s => s.Target).ToArray());
    }

    [TestMethod]
    public async Task Run_StagesRampDownBeforeTheEnd_WorkersStopButTheWindowKeepsWholeSeconds()
    {
        // Up to 2 workers over 600 ms, down to 0 over 1.4 s: worker 1 is needed only at 600 ms, worker 0 until 1.3 s.
        // Both have ended long before the 2 s window closes; the intervals still cover [0, 1) and [1, 2].
        var target = Targets.RampDown.Reset();

        var result = await DriveAsync(target, typeof(Targets.RampDown), threads: 2);

        var seen = target.Seen();
        Assert.AreSequenceEqual(Enumerable.Range(3, 11).Select(k => k * TimeSpan.FromMilliseconds(100)).ToArray(), seen.Where(s => s.Worker == 0).Select(s => s.At).ToArray());
        Assert.AreSequenceEqual(new[] { TimeSpan.FromMilliseconds(600) }, seen.Where(s => s.Worker == 1).Select(s => s.At).ToArray());
        var m = result.Measurements!;
        Assert.AreEqual(12, m.Count);
        Assert.AreEqual(TimeSpan.FromSeconds(2), m.Measured);
        var series = string.Join("; ", m.Series.Select(s => $"#{s.Index} [{s.StartSeconds}, {s.EndSeconds}] n={s.Count}"));
        Assert.AreSequenceEqual(new[] { (0.0, 1.0, 8L), (1.0, 2.0, 4L) }, m.Series.Select(s => (s.StartSeconds, s.EndSeconds, s.Count)).ToArray(), series);
    }

    [TestMethod]
    public async Task Run_StagesOneWorkerBackToBack_WorkerStartsExactlyWhenTheRampReachesOne()
    {
        // 0 → 1 worker over the first second: the worker is needed from 1 s, then runs back-to-back (10 ms each).
        var target = Targets.RampedBackToBack.Reset();

        var result = await DriveAsync(target, typeof(Targets.RampedBackToBack), threads: 1);

        var seen = target.Seen();
        Assert.AreEqual(TimeSpan.FromSeconds(1), seen[0].At);
        Assert.HasCount(100, seen);
        var m = result.Measurements!;
        Assert.AreEqual(100, m.Count);
        Assert.AreSequenceEqual(new[] { 0L, 100L }, m.Series.Select(s => s.Count).ToArray());
        Assert.AreEqual(1, result.Plan.Load.Concurrency);
    }

    private static Task<StressRunResult> DriveAsync(Targets.Recorder target, Type type, int threads)
    {
        var clock = target.Probe.Clock;
        return clock.DriveScheduledAsync(Runs.StartAsync(clock, Plans.Build(type, nameof(Targets.Paced.Run))), threads);
    }

    /// <summary>Asserts the histogram holds exactly these values (µs) with these counts, to its resolution.</summary>
    private static void AssertValues(HistogramBase histogram, params (long Value, long Count)[] expected)
    {
        var actual = histogram.RecordedValues().Select(v => (histogram.LowestEquivalentValue(v.ValueIteratedTo), v.CountAtValueIteratedTo)).ToArray();
        var wanted = expected.Select(e => (histogram.LowestEquivalentValue(e.Value), e.Count)).ToArray();
        Assert.AreSequenceEqual(wanted, actual);
    }

    public static class Targets
    {
        private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

        /// <summary>What a target saw; each target class has its own, replaced by the test that uses it.</summary>
        public sealed class Recorder
        {
            private readonly ConcurrentQueue<(int Worker, long Iteration, TimeSpan At)> _seen = new();

            public TargetProbe Probe { get; } = new();

            public void Saw(StressContext context)
            {
                Probe.Hit();
                _seen.Enqueue((context.WorkerId, context.Iteration, Probe.Clock.Elapsed));
            }

            public (int Worker, long Iteration, TimeSpan At)[] Seen() => [.. _seen];
        }

        public static class Paced
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Concurrency = 1, Pacing = "100ms", Duration = "1s")]
            public static void Run(StressContext context)
            {
                _recorder.Saw(context);
                _recorder.Probe.Clock.Step(context, TenMs);
            }
        }

        public static class SlowerThanPacing
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Concurrency = 1, Pacing = "100ms", Duration = "1s")]
            public static void Run(StressContext context)
            {
                _recorder.Saw(context);
                _recorder.Probe.Clock.Step(context, TimeSpan.FromMilliseconds(150));
            }
        }

        public static class PacedPair
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Concurrency = 2, Pacing = "100ms", Duration = "1s")]
            public static void Run(StressContext context) => _recorder.Saw(context);
        }

        public static class RampedPaced
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Stages = "800ms:2, 1200ms:2", Pacing = "100ms")]
            public static void Run(StressContext context) => _recorder.Saw(context);
        }

        public static class RampDown
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Stages = "600ms:2, 1400ms:0", Pacing = "100ms")]
            public static void Run(StressContext context) => _recorder.Saw(context);
        }

        public static class RampedBackToBack
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Stages = "1s:1, 1s:1")]
            public static void Run(StressContext context)
            {
                _recorder.Saw(context);
                _recorder.Probe.Clock.Step(context, TenMs);
            }
        }
    }
}

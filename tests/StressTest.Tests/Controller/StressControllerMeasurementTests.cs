// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>
/// What a run measures, end to end through the controller and the in-process agent on a fake clock. Every target
/// advances the clock by exactly 10 ms per invocation with one worker, so a 1 s window holds exactly 100 invocations
/// of exactly 10 ms each.
/// </summary>
[TestClass]
public sealed class StressControllerMeasurementTests
{
    /// <summary>HdrHistogram at 3 significant digits reports 10 ms as the top of its bucket (10.007 ms).</summary>
    private const double HdrResolutionMs = 0.01;

    [TestMethod]
    public async Task RunAsync_TenMillisecondsPerInvocationForOneSecond_MeasuresExactly100()
    {
        var probe = Targets.OneSecond.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.OneSecond), nameof(Targets.OneSecond.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, string.Join(Environment.NewLine, result.Problems));
        var m = result.Measurements!;
        Assert.AreEqual(100, m.Count);
        Assert.AreEqual(100, probe.Invocations);
        Assert.AreEqual(0, m.Errors);
        Assert.AreEqual(TimeSpan.FromSeconds(1), m.Measured);
        Assert.AreEqual(100.0, m.Rps);
        Assert.AreEqual(10.0, m.Summary.Min, HdrResolutionMs);
        Assert.AreEqual(10.0, m.Summary.P50, HdrResolutionMs);
        Assert.AreEqual(10.0, m.Summary.P999, HdrResolutionMs);
        Assert.AreEqual(10.0, m.Summary.Max, HdrResolutionMs);
        Assert.AreEqual(10.0, m.Summary.Mean, HdrResolutionMs);
        Assert.IsFalse(m.Cancelled);
        Assert.AreEqual(0, m.Stuck);
        Assert.IsEmpty(result.Problems);
    }

    [TestMethod]
    public async Task RunAsync_NoThresholds_EvaluatesTheDefaultErrorPolicyOnly()
    {
        var probe = Targets.OneSecondDefaults.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.OneSecondDefaults), nameof(Targets.OneSecondDefaults.Run));

        var only = Assert.ContainsSingle(result.Thresholds);
        Assert.IsTrue(only.IsDefault);
        Assert.IsTrue(only.Passed);
        Assert.AreEqual(0.0, only.Actual);
        Assert.AreEqual(Runs.RunId, result.RunId);
        Assert.AreEqual(probe.Clock.Start, result.StartedAt);
    }

    [TestMethod]
    public async Task RunAsync_Thresholds_AreJudgedOnTheExactMeasurements()
    {
        var probe = Targets.WithThresholds.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.WithThresholds), nameof(Targets.WithThresholds.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        var byMetric = result.Thresholds.ToDictionary(t => t.Threshold.Source, StringComparer.Ordinal);
        Assert.HasCount(6, byMetric, "five declared and the default error policy");
        Assert.IsTrue(byMetric["count >= 100"].Passed);
        Assert.IsFalse(byMetric["count > 100"].Passed);
        Assert.IsTrue(byMetric["rps >= 100"].Passed);
        Assert.IsTrue(byMetric["p50 < 10.1ms"].Passed);
        Assert.IsFalse(byMetric["p50 < 10ms"].Passed);
        Assert.IsFalse(result.Thresholds.Any(t => t.IsDefault && !t.Passed));
    }

    [TestMethod]
    public async Task RunAsync_WarmUp_RunsButIsExcludedFromMeasurements()
    {
        var probe = Targets.WithWarmUp.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.WithWarmUp), nameof(Targets.WithWarmUp.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome);
        Assert.AreEqual(150, probe.Invocations, "50 warm-up invocations in 500 ms, then 100 measured");
        var m = result.Measurements!;
        Assert.AreEqual(100, m.Count);
        Assert.AreEqual(100, m.Latency.TotalCount);
        Assert.AreEqual(TimeSpan.FromSeconds(1), m.Measured);
        Assert.AreEqual(100.0, m.Rps);
        var only = Assert.ContainsSingle(m.Series);
        Assert.AreEqual(100, only.Count);
        Assert.AreEqual(0.0, only.StartSeconds);
        Assert.AreEqual(1.0, only.EndSeconds);
    }

    [TestMethod]
    public async Task RunAsync_ThreeSeconds_ReportsOneIntervalPerSecond()
    {
        var probe = Targets.ThreeSeconds.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.ThreeSeconds), nameof(Targets.ThreeSeconds.Run));

        var m = result.Measurements!;
        Assert.AreEqual(300, m.Count);
        Assert.AreEqual(100.0, m.Rps);
        Assert.AreSequenceEqual(new[] { 0, 1, 2 }, m.Series.Select(s => s.Index).ToArray());
        Assert.AreSequenceEqual(new[] { 0.0, 1.0, 2.0 }, m.Series.Select(s => s.StartSeconds).ToArray());
        Assert.AreSequenceEqual(new[] { 1.0, 2.0, 3.0 }, m.Series.Select(s => s.EndSeconds).ToArray());

        // Intervals hold invocations by completion time and are half-open: the one completing exactly on a second
        // boundary belongs to the next interval, and the last interval also holds the one completing at the end.
        Assert.AreSequenceEqual(new[] { 99L, 100L, 101L }, m.Series.Select(s => s.Count).ToArray());
        Assert.AreEqual(m.Count, m.Series.Sum(s => s.Count));
        Assert.IsTrue(m.Series.All(s => Math.Abs(s.Latency.P50 - 10.0) < HdrResolutionMs));
        Assert.IsTrue(m.Series.All(s => s.Errors == 0));
    }

    [TestMethod]
    public async Task RunAsync_DurationNotAWholeNumberOfMilliseconds_EndsOnTime()
    {
        // Task.Delay counts whole milliseconds: the wait for the end of a 1.0005 s window must not end early and
        // leave the agent spinning (it would spin forever here, inline on the only thread that moves the clock).
        var probe = Targets.SubMillisecondDuration.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.SubMillisecondDuration), nameof(Targets.SubMillisecondDuration.Run));

        var m = result.Measurements!;
        Assert.AreEqual(101, m.Count, "invocations start at 0, 10, ..., 1000 ms, all before 1000.5 ms");
        Assert.AreEqual(TimeSpan.FromTicks(10_005_000), m.Measured);
        // The 0.5 ms past the last whole second is absorbed by the last interval rather than left as a sliver.
        var only = Assert.ContainsSingle(m.Series);
        Assert.AreEqual(0, only.Index);
        Assert.AreEqual(101, only.Count);
        Assert.IsGreaterThanOrEqualTo(1.0005, only.EndSeconds);
    }

    [TestMethod]
    public async Task RunAsync_Context_CarriesRunIdWorkerAndIteration()
    {
        var probe = Targets.ContextRecorder.Probe = new TargetProbe();

        await Runs.RunAsync(probe.Clock, typeof(Targets.ContextRecorder), nameof(Targets.ContextRecorder.Run));

        Assert.AreEqual(100, Targets.ContextRecorder.Seen.Count);
        Assert.IsTrue(Targets.ContextRecorder.Seen.All(s => s.RunId == Runs.RunId && s.WorkerId == 0));
        Assert.AreSequenceEqual(Enumerable.Range(0, 100).Select(i => (long)i).ToArray(), Targets.ContextRecorder.Seen.Select(s => s.Iteration).ToArray());
    }

    public static class Targets
    {
        private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

        public static class OneSecond
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            [Threshold("count >= 100")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class OneSecondDefaults
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public static class WithThresholds
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            [Threshold("count >= 100")]
            [Threshold("count > 100")]
            [Threshold("rps >= 100")]
            [Threshold("p50 < 10.1ms")]
            [Threshold("p50 < 10ms")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public static class WithWarmUp
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s", WarmUp = "500ms")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class ThreeSeconds
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "3s")]
            public static async Task Run(StressContext context)
            {
                Probe.Clock.Step(context, TenMs);
                await Task.CompletedTask;
            }
        }

        public static class SubMillisecondDuration
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1000500us")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public sealed class ContextRecorder
        {
            public static TargetProbe Probe { get; set; } = new();

            public static List<(string RunId, int WorkerId, long Iteration)> Seen { get; } = [];

            [StressTest(Duration = "1s")]
            public void Run(StressContext context)
            {
                Seen.Add((context.RunId, context.WorkerId, context.Iteration));
                Probe.Clock.Step(context, TenMs);
            }
        }
    }
}

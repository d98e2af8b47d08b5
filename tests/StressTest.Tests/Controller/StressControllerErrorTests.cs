// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>Errors and timeouts, end to end on a fake clock: 10 ms per invocation, one worker, 1 s.</summary>
[TestClass]
public sealed class StressControllerErrorTests
{
    [TestMethod]
    public async Task RunAsync_TwoExceptionTypes_CountsEachKeepingItsFirstMessageTruncated()
    {
        var probe = Targets.Alternating.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Alternating), nameof(Targets.Alternating.Run));

        var m = result.Measurements!;
        Assert.AreEqual(100, m.Count);
        Assert.AreEqual(100, m.Errors);
        Assert.AreEqual(1.0, m.ErrorRate);
        Assert.HasCount(2, m.ErrorsByKind);

        // Equal counts are ordered by kind.
        var argument = m.ErrorsByKind[0];
        Assert.AreEqual(typeof(ArgumentException).FullName, argument.Kind);
        Assert.AreEqual(50, argument.Count);
        Assert.AreEqual("odd 1 (line breaks flattened)", argument.FirstMessage);

        var invalid = m.ErrorsByKind[1];
        Assert.AreEqual(typeof(InvalidOperationException).FullName, invalid.Kind);
        Assert.AreEqual(50, invalid.Count);
        Assert.HasCount(501, invalid.FirstMessage, "500 characters and the ellipsis");
        Assert.StartsWith("even 0: xxx", invalid.FirstMessage);
        Assert.EndsWith("x…", invalid.FirstMessage);

        Assert.AreEqual(100, m.Series.Sum(s => s.Errors));
    }

    [TestMethod]
    public async Task RunAsync_MethodAlwaysThrows_FailsOnTheDefaultErrorPolicyNamingTheException()
    {
        var probe = Targets.AlwaysThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.AlwaysThrows), nameof(Targets.AlwaysThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(100, result.Measurements!.Errors);
        var policy = Assert.ContainsSingle(result.Thresholds);
        Assert.IsTrue(policy.IsDefault);
        Assert.IsFalse(policy.Passed);
        Assert.AreEqual(1.0, policy.Actual);
        var message = result.Verdict.FailureText;
        Assert.Contains("System.IO.InvalidDataException", message);
        Assert.Contains("the server said no", message);
        Assert.Contains("error_rate = 100 %, expected <= 0 %", message);
    }

    [TestMethod]
    public async Task RunAsync_ErrorRateThreshold_ReplacesTheDefaultPolicy()
    {
        var probe = Targets.QuarterFails.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.QuarterFails), nameof(Targets.QuarterFails.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(25, result.Measurements!.Errors);
        var only = Assert.ContainsSingle(result.Thresholds);
        Assert.AreEqual("error_rate < 50%", only.Threshold.Source);
        Assert.IsFalse(only.IsDefault);
        Assert.AreEqual(0.25, only.Actual);
        Assert.AreEqual(string.Empty, result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_MethodIgnoringTokenRunsPastTimeout_CountsTimeouts()
    {
        var probe = Targets.IgnoresToken.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.IgnoresToken), nameof(Targets.IgnoresToken.Run));

        var m = result.Measurements!;
        Assert.AreEqual(10, m.Count, "100 ms per invocation in 1 s");
        var timeout = Assert.ContainsSingle(m.ErrorsByKind);
        Assert.AreEqual(ErrorClassifier.Timeout.Kind, timeout.Kind);
        Assert.AreEqual(10, timeout.Count);
        Assert.Contains("Timeout (50 ms)", timeout.FirstMessage);
        Assert.AreEqual(10, Targets.IgnoresToken.CancelledTokens, "the watchdog cancels each timed-out invocation's token");
        Assert.AreEqual(100.0, m.Summary.P50, 0.1);
        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
    }

    [TestMethod]
    public async Task RunAsync_MethodObservingToken_IsCancelledAtTimeoutAndCountsAsTimeoutNotCancellation()
    {
        var probe = Targets.ObservesToken.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.ObservesToken), nameof(Targets.ObservesToken.RunAsync));

        var m = result.Measurements!;
        var timeout = Assert.ContainsSingle(m.ErrorsByKind, "an OperationCanceledException from a timed-out invocation is a timeout");
        Assert.AreEqual(ErrorClassifier.Timeout.Kind, timeout.Kind);
        Assert.AreEqual(m.Count, timeout.Count);

        // The watchdog checks every Timeout / 10 (5 ms) on the fake clock, so each invocation is cancelled 50 ms in.
        Assert.AreEqual(20, m.Count);
        Assert.AreEqual(50.0, m.Summary.Max, 0.1);
    }

    [TestMethod]
    public async Task RunAsync_FastMethodWithTimeout_HasNoTimeouts()
    {
        var probe = Targets.FastEnough.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.FastEnough), nameof(Targets.FastEnough.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(100, result.Measurements!.Count);
        Assert.AreEqual(0, result.Measurements.Errors);
    }

    public static class Targets
    {
        private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

        public static class Alternating
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Probe.Clock.Step(context, TenMs);
                throw context.Iteration % 2 == 0
                    ? new InvalidOperationException($"even {context.Iteration}: " + new string('x', 600))
                    : new ArgumentException($"odd {context.Iteration}\n(line breaks flattened)");
            }
        }

        public static class AlwaysThrows
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public static async Task Run(StressContext context)
            {
                Probe.Clock.Step(context, TenMs);
                await Task.CompletedTask;
                throw new InvalidDataException("the server said no");
            }
        }

        public static class QuarterFails
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            [Threshold("error_rate < 50%")]
            public static void Run(StressContext context)
            {
                Probe.Clock.Step(context, TenMs);
                if (context.Iteration % 4 == 0)
                {
                    throw new InvalidOperationException("one in four");
                }
            }
        }

        public static class IgnoresToken
        {
            private static int _cancelledTokens;

            public static TargetProbe Probe { get; set; } = new();

            public static int CancelledTokens => Volatile.Read(ref _cancelledTokens);

            [StressTest(Duration = "1s", Timeout = "50ms")]
            public static void Run(StressContext context, CancellationToken cancellationToken)
            {
                Probe.Clock.Step(context, TimeSpan.FromMilliseconds(100));
                if (cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _cancelledTokens);
                }
            }
        }

        public static class ObservesToken
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s", Timeout = "50ms")]
            public static ValueTask RunAsync(StressContext context, CancellationToken cancellationToken)
            {
                // Guarded: a token that is never cancelled fails the test instead of looping forever.
                for (var ms = 0; ms < 10_000 && !cancellationToken.IsCancellationRequested; ms++)
                {
                    Probe.Clock.Step(context, TimeSpan.FromMilliseconds(1));
                }

                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException("The token was never cancelled.");
            }
        }

        public static class FastEnough
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s", Timeout = "11ms")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }
    }
}

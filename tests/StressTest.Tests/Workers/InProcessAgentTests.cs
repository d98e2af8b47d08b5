// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Threading.Channels;
using StressTest.Controller;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers;

namespace StressTest.Tests.Workers;

/// <summary>The telemetry an in-process agent sends for an assignment, on a fake clock.</summary>
[TestClass]
public sealed class InProcessAgentTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task RunAsync_TwoSeconds_SendsOneIntervalPerSecondThenCompletedAndCompletesTheWriter()
    {
        var probe = Targets.TwoSeconds.Probe = new TargetProbe();
        var assignment = Assignment(typeof(Targets.TwoSeconds), nameof(Targets.TwoSeconds.Run));

        var (messages, completion) = await RunAsync(probe.Clock, assignment);

        Assert.IsTrue(completion.IsCompletedSuccessfully, "the agent completes the writer when it is done");
        Assert.HasCount(3, messages);
        var first = Assert.IsInstanceOfType<IntervalTelemetry>(messages[0]);
        var second = Assert.IsInstanceOfType<IntervalTelemetry>(messages[1]);
        var completed = Assert.IsInstanceOfType<AgentCompleted>(messages[2]);
        Assert.AreEqual(0, first.Index);
        Assert.AreEqual(TimeSpan.Zero, first.Start);
        Assert.AreEqual(TimeSpan.FromSeconds(1), first.End);
        Assert.AreEqual(1, second.Index);
        Assert.AreEqual(TimeSpan.FromSeconds(1), second.Start);
        Assert.AreEqual(TimeSpan.FromSeconds(2), second.End);
        Assert.AreEqual(200, HistogramCodec.Decode(first.Latency).TotalCount + HistogramCodec.Decode(second.Latency).TotalCount);
        Assert.IsEmpty(first.Errors);
        Assert.AreEqual(TimeSpan.FromSeconds(2), completed.Measured);
        Assert.AreEqual(0, completed.StuckInvocations);
        Assert.IsFalse(completed.Cancelled);
        Assert.IsEmpty(completed.WorkerErrors);
    }

    [TestMethod]
    public async Task RunAsync_Workers_AreNumberedFromFirstWorkerIdAndSeeTheRunId()
    {
        var probe = Targets.Numbered.Probe = new TargetProbe();
        var assignment = Assignment(typeof(Targets.Numbered), nameof(Targets.Numbered.Run)) with { RunId = "run-42", FirstWorkerId = 5, WorkerCount = 2 };

        var (messages, _) = await RunAsync(probe.Clock, assignment);

        Assert.IsInstanceOfType<AgentCompleted>(messages[^1]);
        Assert.AreSequenceEqual(new[] { 5, 6 }, Targets.Numbered.Workers.Keys.Order().ToArray());
        Assert.AreSequenceEqual(new[] { "run-42" }, Targets.Numbered.RunIds.Keys.ToArray());
    }

    [TestMethod]
    public async Task RunAsync_ErrorsInAnInterval_AreSentWithThatInterval()
    {
        var probe = Targets.FailsInSecondSecond.Probe = new TargetProbe();
        var assignment = Assignment(typeof(Targets.FailsInSecondSecond), nameof(Targets.FailsInSecondSecond.Run));

        var (messages, _) = await RunAsync(probe.Clock, assignment);

        var intervals = messages.OfType<IntervalTelemetry>().ToList();
        Assert.HasCount(2, intervals);
        Assert.IsEmpty(intervals[0].Errors);
        var error = Assert.ContainsSingle(intervals[1].Errors);
        Assert.AreEqual(typeof(FormatException).FullName, error.Kind);
        Assert.AreEqual(100, error.Count);
        Assert.AreEqual("bad payload 99", error.FirstMessage);
    }

    [TestMethod]
    public async Task RunAsync_MethodNotFound_SendsAgentFailedOnly()
    {
        var assignment = Assignment(typeof(Targets.TwoSeconds), nameof(Targets.TwoSeconds.Run)) is var a
            ? a with { Method = a.Method with { MethodName = "Missing" } }
            : null!;

        var (messages, completion) = await RunAsync(new TestClock(), assignment);

        Assert.IsTrue(completion.IsCompletedSuccessfully);
        var failed = Assert.IsInstanceOfType<AgentFailed>(Assert.ContainsSingle(messages));
        Assert.Contains(".Missing with [StressTest] was not found in ", failed.Reason);
    }

    [TestMethod]
    public async Task RunAsync_AssemblyMissing_SendsAgentFailedNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "Missing.dll");
        var assignment = Assignment(typeof(Targets.TwoSeconds), nameof(Targets.TwoSeconds.Run)) is var a
            ? a with { Method = a.Method with { AssemblyPath = path } }
            : null!;

        var (messages, _) = await RunAsync(new TestClock(), assignment);

        var failed = Assert.IsInstanceOfType<AgentFailed>(Assert.ContainsSingle(messages));
        Assert.StartsWith("Could not load ", failed.Reason);
        Assert.Contains(path, failed.Reason);
    }

    [TestMethod]
    public async Task RunAsync_TypeMissing_SendsAgentFailed()
    {
        var assignment = Assignment(typeof(Targets.TwoSeconds), nameof(Targets.TwoSeconds.Run)) is var a
            ? a with { Method = a.Method with { TypeName = "No.Such.Type" } }
            : null!;

        var (messages, _) = await RunAsync(new TestClock(), assignment);

        var failed = Assert.IsInstanceOfType<AgentFailed>(Assert.ContainsSingle(messages));
        Assert.StartsWith("Could not load No.Such.Type from ", failed.Reason);
    }

    private static WorkAssignment Assignment(Type type, string method)
    {
        var plan = Plans.Build(type, method);
        return new WorkAssignment("run", Assignments.MethodOf(plan), plan.Load, FirstWorkerId: 0, WorkerCount: plan.Load.Concurrency);
    }

    private static async Task<(List<TelemetryMessage> Messages, Task Completion)> RunAsync(TestClock clock, WorkAssignment assignment)
    {
        var channel = Channel.CreateUnbounded<TelemetryMessage>();
        await new InProcessAgent(clock).RunAsync(assignment, channel.Writer, CancellationToken.None).WaitAsync(TestClock.Guard);
        var messages = new List<TelemetryMessage>();
        while (channel.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return (messages, channel.Reader.Completion);
    }

    public static class Targets
    {
        public static class TwoSeconds
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "2s")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }

        public static class Numbered
        {
            public static TargetProbe Probe { get; set; } = new();

            public static ConcurrentDictionary<int, bool> Workers { get; } = new();

            public static ConcurrentDictionary<string, bool> RunIds { get; } = new(StringComparer.Ordinal);

            [StressTest(Duration = "1s", Concurrency = 2)]
            public static void Run(StressContext context)
            {
                Workers[context.WorkerId] = true;
                RunIds[context.RunId] = true;

                // Without this barrier one worker could run the whole window before the other thread is scheduled.
                TestClock.WaitUntil(() => Workers.Count == 2, "both workers to invoke");
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class FailsInSecondSecond
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "2s")]
            public static void Run(StressContext context)
            {
                Probe.Clock.Step(context, TenMs);

                // Invocation 99 completes exactly at 1 s, so it belongs to the second interval.
                if (context.Iteration >= 99 && context.Iteration < 199)
                {
                    throw new FormatException($"bad payload {context.Iteration}");
                }
            }
        }
    }
}

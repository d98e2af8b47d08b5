// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Errors;
using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers;

namespace StressTest.Tests.Workers;

/// <summary>
/// What one invocation records, on a fake clock: latency from the intended start, service time from the actual start
/// and the start's lateness, harvested through an <see cref="IntervalAccumulator"/> and decoded as the controller
/// reads them.
/// </summary>
[TestClass]
public sealed class InvocationSlotTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public void RunBlocking_StartedLate_LatencyFromIntendedStartServiceFromActualStart()
    {
        // Intended at t0, started at t0 + 30 ms, ended at t0 + 40 ms.
        var clock = new TestClock();
        var run = StartedRun(clock);
        var sink = new MeasurementSink(concurrentWriters: false);
        var slot = new InvocationSlot(3, run, sink) { Invoke = (_, _) => Takes(clock, TenMs) };
        var intended = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(30));

        slot.RunBlocking(intended, iteration: 7);

        var interval = Harvest(sink);
        AssertSingleValue(interval.Latency, 40_000);
        AssertSingleValue(interval.ServiceTime!, 10_000);
        AssertSingleValue(interval.Lateness!, 30_000);
        Assert.IsEmpty(interval.Errors);
        Assert.AreEqual(7, slot.Context.Iteration);
        Assert.AreEqual(3, slot.Context.WorkerId);
        Assert.IsFalse(slot.IsInFlight);
    }

    [TestMethod]
    public void RunBlocking_StartedOnTime_LatencyEqualsServiceTime()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        var sink = new MeasurementSink(concurrentWriters: false);
        var slot = new InvocationSlot(0, run, sink) { Invoke = (_, _) => Takes(clock, TenMs) };

        slot.RunBlocking(clock.GetTimestamp(), iteration: 0);

        var interval = Harvest(sink);
        AssertSingleValue(interval.Latency, 10_000);
        AssertSingleValue(interval.ServiceTime!, 10_000);
        AssertSingleValue(interval.Lateness!, 0);
    }

    [TestMethod]
    public async Task Start_CompletesLater_RecordsAtCompletionAndReleasesTheSlot()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        var sink = new MeasurementSink(concurrentWriters: true);
        var pending = new TaskCompletionSource();
        var slot = new InvocationSlot(0, run, sink) { Invoke = (_, _) => new ValueTask(pending.Task) };
        var released = new TaskCompletionSource<InvocationSlot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var intended = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(5));

        slot.Start(intended, iteration: 0, s => released.SetResult(s));
        Assert.IsTrue(slot.IsInFlight);
        Assert.IsFalse(released.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        pending.SetResult();

        Assert.AreSame(slot, await released.Task.WaitAsync(TestClock.Guard));
        Assert.IsFalse(slot.IsInFlight);
        var interval = Harvest(sink);
        AssertSingleValue(interval.Latency, 25_000);
        AssertSingleValue(interval.ServiceTime!, 20_000);
        AssertSingleValue(interval.Lateness!, 5_000);
    }

    [TestMethod]
    public void Start_MethodThrowsSynchronously_RecordsTheErrorAndReleasesTheSlot()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        var sink = new MeasurementSink(concurrentWriters: true);
        var slot = new InvocationSlot(0, run, sink) { Invoke = (_, _) => throw new InvalidOperationException("boom") };
        InvocationSlot? released = null;

        slot.Start(clock.GetTimestamp(), iteration: 0, s => released = s);

        Assert.AreSame(slot, released);
        var interval = Harvest(sink);
        Assert.AreEqual(1, HistogramCodec.Decode(interval.Latency).TotalCount);
        var error = Assert.ContainsSingle(interval.Errors);
        Assert.AreEqual(typeof(InvalidOperationException).FullName, error.Kind);
        Assert.AreEqual("boom", error.FirstMessage);
    }

    [TestMethod]
    public void RunBlocking_IntendedStartInWarmUp_RunsButRecordsNothing()
    {
        var clock = new TestClock();
        var run = StartedRun(clock, warmUp: TimeSpan.FromSeconds(1));
        var sink = new MeasurementSink(concurrentWriters: false);
        var invocations = 0;
        var slot = new InvocationSlot(0, run, sink)
        {
            Invoke = (_, _) =>
            {
                invocations++;
                return Takes(clock, TenMs);
            },
        };

        slot.RunBlocking(run.MeasureFrom - 1, iteration: 0);
        slot.RunBlocking(run.MeasureFrom, iteration: 1);

        Assert.AreEqual(2, invocations);
        var interval = Harvest(sink);
        Assert.AreEqual(1, HistogramCodec.Decode(interval.Latency).TotalCount, "only the one intended after the warm-up");
    }

    [TestMethod]
    public void RunBlocking_TimedOutByTheWatchdog_CountsATimeoutAndGivesTheNextInvocationAFreshToken()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        var sink = new MeasurementSink(concurrentWriters: false);
        var tokens = new List<CancellationToken>();
        InvocationSlot slot = null!;
        slot = new InvocationSlot(0, run, sink)
        {
            Invoke = (_, token) =>
            {
                tokens.Add(token);
                if (tokens.Count == 1)
                {
                    clock.Advance(run.Load.Timeout);
                    slot.CheckTimeout(clock.GetTimestamp());
                }

                return ValueTask.CompletedTask;
            },
        };

        slot.RunBlocking(clock.GetTimestamp(), iteration: 0);
        slot.RunBlocking(clock.GetTimestamp(), iteration: 1);

        Assert.IsTrue(tokens[0].IsCancellationRequested);
        Assert.IsFalse(tokens[1].IsCancellationRequested);
        var error = Assert.ContainsSingle(Harvest(sink).Errors);
        Assert.AreEqual(ErrorClassifier.Timeout.Kind, error.Kind);
        Assert.AreEqual(1, error.Count);
    }

    private static LoadRun StartedRun(TestClock clock, TimeSpan warmUp = default)
    {
        var run = new LoadRun(clock, "run", new LoadProfile(warmUp, TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)), workerCount: 1);
        run.Start(clock.GetTimestamp());
        return run;
    }

    private static ValueTask Takes(TestClock clock, TimeSpan time)
    {
        clock.Advance(time);
        return ValueTask.CompletedTask;
    }

    private static IntervalTelemetry Harvest(MeasurementSink sink)
    {
        var accumulator = new IntervalAccumulator();
        sink.HarvestInto(accumulator);
        return accumulator.Take(0, TimeSpan.Zero, TimeSpan.FromSeconds(1), target: 1, inFlight: 0);
    }

    /// <summary>Exactly one value was recorded, equal to <paramref name="microseconds"/> at the histogram's resolution.</summary>
    private static void AssertSingleValue(byte[] encoded, long microseconds)
    {
        var histogram = HistogramCodec.Decode(encoded);
        Assert.AreEqual(1, histogram.TotalCount);
        Assert.AreEqual(histogram.LowestEquivalentValue(microseconds), histogram.LowestEquivalentValue(histogram.GetMaxValue()));
    }
}

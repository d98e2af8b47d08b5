// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers;

namespace StressTest.Tests.Workers;

/// <summary>How the pacer and paced workers wait for a timestamp on a fake clock: on the clock's own timer.</summary>
[TestClass]
public sealed class ThreadWaiterTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task WaitUntil_ClockReachesTheTimestamp_ReturnsTrueThenAndNotBefore()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        using var waiter = run.CreateWaiter();
        var due = clock.GetTimestamp() + run.ToTicks(TenMs);

        var woke = WaitOnThread(waiter, clock, due);
        TestClock.WaitUntil(() => clock.ArmedWaiters == 1, "the waiter to arm its timer");
        clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.IsFalse(woke.IsCompleted, "1 ms early");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.AreEqual((true, due), await woke.WaitAsync(TestClock.Guard));
    }

    [TestMethod]
    public async Task WaitUntil_ClockMovesToTheTimestampWhileTheTimerIsArmed_StillWakes()
    {
        // Another thread (a target stepping the clock) moves it between the waiter reading the time and arming its
        // timer, which counts from the clock's time when armed: armed as it was, it would wait 10 ms too long, and
        // for ever when nothing moves the clock again.
        var clock = new TestClock();
        var run = StartedRun(clock);
        using var waiter = run.CreateWaiter();
        var due = clock.GetTimestamp() + run.ToTicks(TenMs);
        clock.Arming = () =>
        {
            clock.Arming = null;
            clock.Advance(TenMs);
        };

        try
        {
            Assert.AreEqual((true, due), await WaitOnThread(waiter, clock, due).WaitAsync(TestClock.Guard));
        }
        finally
        {
            run.Stop();
        }
    }

    [TestMethod]
    public async Task WaitUntil_RunStops_ReturnsFalseWithoutTheClockMoving()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        using var waiter = run.CreateWaiter();
        var start = clock.GetTimestamp();

        var woke = WaitOnThread(waiter, clock, start + run.ToTicks(TimeSpan.FromHours(1)));
        TestClock.WaitUntil(() => clock.ArmedWaiters == 1, "the waiter to arm its timer");
        run.Stop();

        Assert.AreEqual((false, start), await woke.WaitAsync(TestClock.Guard));
    }

    [TestMethod]
    public void WaitUntil_TimestampReached_ReturnsTrueAtOnceWithoutArming()
    {
        var clock = new TestClock();
        var run = StartedRun(clock);
        using var waiter = run.CreateWaiter();

        Assert.IsTrue(waiter.WaitUntil(clock.GetTimestamp()));
        Assert.AreEqual(0, clock.ArmedWaiters);
    }

    private static LoadRun StartedRun(TestClock clock)
    {
        var run = new LoadRun(clock, "run", new LoadProfile(TimeSpan.Zero, TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), workerCount: 1);
        run.Start(clock.GetTimestamp());
        return run;
    }

    /// <summary>Waits on a dedicated thread, as the pacer does; yields the result and the clock when it returned.</summary>
    private static Task<(bool Reached, long At)> WaitOnThread(ThreadWaiter waiter, TestClock clock, long timestamp) =>
        Task.Factory.StartNew(
            () => (waiter.WaitUntil(timestamp), clock.GetTimestamp()),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}

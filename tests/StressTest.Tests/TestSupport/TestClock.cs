// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Time.Testing;

namespace StressTest.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that stress-test targets advance themselves, so a run's timeline is exact:
/// a target that calls <see cref="Step"/> with 10 ms makes every invocation last exactly 10 ms.
/// </summary>
/// <remarks>
/// <para>The agent waits for each interval boundary with <c>Task.Delay(…, clock)</c>, a one-shot timer. Once it awaits
/// that delay, FakeTimeProvider completes it inline on the thread that advances the clock, so the agent handles the
/// boundary before the advancing invocation returns. Two races are left: a worker released by the agent could run
/// through the window before the agent has created its first delay, and a delay created but not yet awaited can fire
/// early, leaving the agent to handle the boundary later on its own thread, at a later time.
/// <see cref="Step"/> closes both: it never advances while no delay is pending, and after an advance that fired one it
/// waits, with the clock frozen on the boundary, until the agent has created its next (the next interval's, or the
/// shutdown grace). Task.Delay creates one-shot timers; the timeout watchdog's timer is periodic and does not count.</para>
/// <para>Advances are serialized, so several workers may step the same clock.</para>
/// <para>Runs whose threads wait on the clock instead of stepping it (the open model's pacer, paced or ramping
/// workers) are driven by <see cref="DriveScheduledAsync"/>, which jumps to each wake-up.</para>
/// </remarks>
public sealed partial class TestClock : FakeTimeProvider
{
    /// <summary>Longest real time a test waits for anything; only reached when something is broken.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Lock _advance = new();
    private int _oneShotTimers;
    private int _oneShotTimersFired;

    /// <summary>How many one-shot timers (Task.Delay) were created on this clock.</summary>
    public int OneShotTimers => Volatile.Read(ref _oneShotTimers);

    /// <summary>How many of them fired.</summary>
    public int OneShotTimersFired => Volatile.Read(ref _oneShotTimersFired);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // Periodic timers (the watchdog) and timers created disarmed (a worker's reusable ThreadWaiter) are not
        // the agent's Task.Delay and do not count. Waiters' timers and pending delays are tracked for
        // DriveScheduledAsync (TestClock.Schedule.cs).
        if (period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return CreateWaiterTimer(callback, state);
        }

        var pending = TrackOneShot(dueTime);
        var timer = base.CreateTimer(
            s =>
            {
                pending.Fired();
                Interlocked.Increment(ref _oneShotTimersFired);
                callback(s);
            },
            state,
            dueTime,
            period);
        Interlocked.Increment(ref _oneShotTimers);
        return pending.Wrap(timer);
    }

    /// <summary>Called by a target: advances the clock by <paramref name="step"/> while the agent waits on it (see
    /// the remarks).</summary>
    public void Step(StressContext context, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_advance)
        {
            WaitForPendingDelay();
            Advance(step);
            WaitForPendingDelay();
        }
    }

    /// <summary>Advances the clock from the test thread in <paramref name="step"/>s, once <paramref name="canAdvance"/>
    /// holds, until <paramref name="run"/> completes; for targets that do not move the clock themselves.</summary>
    public async Task<T> DriveAsync<T>(Task<T> run, TimeSpan step, Func<bool>? canAdvance = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (canAdvance is not null)
        {
            WaitUntil(canAdvance, "the target to be running");
        }

        var guard = Task.Delay(Guard);
        while (!run.IsCompleted)
        {
            if (guard.IsCompleted)
            {
                throw new TimeoutException($"The run did not complete within {Guard.TotalSeconds} s of real time; fake clock at {this}.");
            }

            lock (_advance)
            {
                Advance(step);
            }

            await Task.Yield();
        }

        return await run;
    }

    /// <summary>Waits until a one-shot timer is pending (created, neither fired nor disposed): the agent waits on the
    /// clock. A deadline that was disposed unfired (a lifecycle method that returned in time) is not pending.</summary>
    private void WaitForPendingDelay() => WaitUntil(() => PendingOneShots > 0, "the agent to wait on the clock");

    /// <summary>Spins until <paramref name="condition"/> holds; throws after <see cref="Guard"/> of real time.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        if (!SpinWait.SpinUntil(condition, Guard))
        {
            throw new TimeoutException($"Gave up waiting for {what} after {Guard.TotalSeconds} s of real time.");
        }
    }
}

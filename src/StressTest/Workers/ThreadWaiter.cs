// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers;

/// <summary>
/// Blocks one dedicated thread until a timestamp, precisely and without allocating; stopping the run wakes it.
/// </summary>
/// <remarks>
/// On the real clock it waits on a reusable event with a timeout: the OS wakes such a wait within about 0.1 ms, but
/// counts whole milliseconds. The rest, under a millisecond, is slept with <see cref="PreciseSleep"/> where the OS has
/// a sub-millisecond sleep (Linux), and only its last ~80 µs are spun, yielding the CPU between checks. <see cref="TimeProvider"/> timers are no use here: .NET timers run on the coarse
/// millisecond tick count, which on Linux advances in steps of up to 4 ms. On any other clock (a fake one in tests)
/// it waits on that clock's timer, re-armed for every wait.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The event is never disposed on purpose (see Dispose); without a long wait it holds no kernel handle.")]
internal sealed class ThreadWaiter : IDisposable
{
    private readonly LoadRun _run;
    private readonly ManualResetEventSlim _signal = new(false);
    private readonly ITimer? _timer;
    private readonly long _ticksPerMillisecond;
    private readonly long _overshootTicks;
    private readonly bool _preciseSleep;

    public ThreadWaiter(LoadRun run)
    {
        _run = run;
        _ticksPerMillisecond = run.ToTicks(TimeSpan.FromMilliseconds(1));
        _overshootTicks = run.ToTicks(PreciseSleep.Overshoot);
        _preciseSleep = run.Time == TimeProvider.System && PreciseSleep.IsSupported;
        if (run.Time != TimeProvider.System)
        {
            _timer = run.Time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), _signal, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Waits until <paramref name="timestamp"/>; returns false if the run stopped first. With
    /// <paramref name="untilWarm"/> (called during an automatic warm-up) it also returns, true, as soon as the warm-up
    /// ends: the caller's schedule changes there.</summary>
    public bool WaitUntil(long timestamp, bool untilWarm = false)
    {
        var time = _run.Time;
        while (!_run.IsStopping)
        {
            if (untilWarm && !_run.IsWarmingUp)
            {
                return true;
            }

            var remaining = timestamp - time.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            var sleep = _timer is null ? (remaining - _run.SpinTicks) / _ticksPerMillisecond : remaining;
            if (sleep <= 0)
            {
                // Under a millisecond to go: sleep most of it where the OS can, and spin only the last ~80 µs.
                if (_preciseSleep && remaining > _overshootTicks)
                {
                    PreciseSleep.Sleep(_run.ToTimeSpan(remaining - _overshootTicks));
                }
                else
                {
                    Thread.Yield();
                }

                continue;
            }

            _signal.Reset();
            if (_run.IsStopping || (untilWarm && !_run.IsWarmingUp))
            {
                continue; // stopped or warm between the loop's check and the reset, whose Wake the reset may have cleared
            }

            if (_timer is null)
            {
                _signal.Wait((int)Math.Min(sleep, int.MaxValue));
            }
            else
            {
                // The timer counts from the clock's time when it is armed. If another thread moved the clock since
                // remaining was read, it is armed too late, and may never fire if nothing moves the clock again: look
                // again instead of waiting.
                _timer.Change(_run.ToTimeSpan(remaining), Timeout.InfiniteTimeSpan);
                if (time.GetTimestamp() != timestamp - remaining)
                {
                    _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    continue;
                }

                _signal.Wait();
            }
        }

        return false;
    }

    public void Wake() => _signal.Set();

    /// <summary>Releases the timer. The event stays usable: the run may still wake a waiter whose thread has ended.</summary>
    public void Dispose() => _timer?.Dispose();
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers;

/// <summary>
/// Enforces Timeout from outside the workers: every tenth of the timeout it looks at each worker's in-flight start
/// time and cancels invocations that ran too long. One watchdog per run instead of a timer per invocation keeps the
/// hot path free of timers and linked tokens; whether an invocation counts as a timeout is still decided exactly by
/// the worker from its own start and end timestamps.
/// </summary>
/// <remarks>
/// On the real clock it is a thread of its own waiting on an event with a timeout, not a <see cref="TimeProvider"/>
/// timer: timer callbacks run on the thread pool, and a test that starves the pool (blocking waits in async code) would
/// starve the very watchdog that is to cancel its hung invocations. On a fake clock it is that clock's timer.
/// </remarks>
internal sealed class TimeoutWatchdog : IDisposable
{
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<InvocationSlot> _slots;
    private readonly TimeSpan _period;
    private readonly ITimer? _timer;
    private readonly ManualResetEventSlim? _stop;

    public TimeoutWatchdog(TimeProvider time, IReadOnlyList<InvocationSlot> slots, TimeSpan timeout)
    {
        _time = time;
        _slots = slots;
        // A tenth of the timeout (1 ms to 100 ms): cancellation arrives at most 10 % late, at negligible cost.
        _period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.TicksPerMillisecond, 100 * TimeSpan.TicksPerMillisecond));
        if (time == TimeProvider.System)
        {
            _stop = new ManualResetEventSlim(false);
            new Thread(Watch) { IsBackground = true, Name = "StressTest watchdog" }.Start();
        }
        else
        {
            _timer = time.CreateTimer(static state => ((TimeoutWatchdog)state!).Check(), this, _period, _period);
        }
    }

    /// <summary>Stops watching. The event is not disposed: the thread may still be between two waits.</summary>
    public void Dispose()
    {
        _stop?.Set();
        _timer?.Dispose();
    }

    private void Watch()
    {
        while (!_stop!.Wait(_period))
        {
            Check();
        }
    }

    private void Check()
    {
        var now = _time.GetTimestamp();
        foreach (var slot in _slots)
        {
            slot.CheckTimeout(now);
        }
    }
}

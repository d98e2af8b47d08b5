// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers;

/// <summary>
/// Enforces Timeout from outside the workers: a <see cref="TimeProvider"/> timer looks at each worker's in-flight
/// start time and cancels invocations that ran too long. One timer per run instead of one per invocation keeps the
/// hot path free of timers and linked tokens; whether an invocation counts as a timeout is still decided exactly by
/// the worker from its own start and end timestamps.
/// </summary>
internal sealed class TimeoutWatchdog : IDisposable
{
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<InvocationSlot> _slots;
    private readonly ITimer _timer;

    public TimeoutWatchdog(TimeProvider time, IReadOnlyList<InvocationSlot> slots, TimeSpan timeout)
    {
        _time = time;
        _slots = slots;
        // A tenth of the timeout (1 ms to 100 ms): cancellation arrives at most 10 % late, at negligible cost.
        var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.TicksPerMillisecond, 100 * TimeSpan.TicksPerMillisecond));
        _timer = time.CreateTimer(static state => ((TimeoutWatchdog)state!).Check(), this, period, period);
    }

    public void Dispose() => _timer.Dispose();

    private void Check()
    {
        var now = _time.GetTimestamp();
        foreach (var slot in _slots)
        {
            slot.CheckTimeout(now);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers;

/// <summary>
/// How the agent's own thread waits: for the next interval's tick, for the invocations to drain, for the workers'
/// lifecycle code. On the real clock every wait is a kernel wait with a timeout on this thread (a
/// <see cref="ThreadWaiter"/>, a blocking <see cref="Task.Wait(TimeSpan)"/>), never a timer's <c>Task.Delay</c>, whose
/// completion needs a thread-pool thread: a test that blocks pool threads (<c>.Wait()</c> in async code) starved
/// those, and a 2-s test took 40 s, lost seconds from its series and gave different outcomes run after run.
/// </summary>
/// <remarks>
/// On any other clock (a fake one in tests) it waits on that clock's timers, which fire when the test advances it; a
/// tick's timer then holds the thread that advanced the clock until this thread has taken the interval (its next wait
/// begins), so an invocation that completes at the very tick is, as on a single clock, always in the next interval.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed through Dispose; the events are left for a timer callback that may still be returning.")]
internal sealed class AgentClock : IDisposable
{
    /// <summary>Longest a fake clock's tick holds the thread that advanced it: only reached when something is broken.</summary>
    private static readonly TimeSpan TickHold = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly LoadRun _run;
    private readonly ThreadWaiter? _waiter;
    private ManualResetEventSlim? _tickTaken;

    public AgentClock(TimeProvider time, LoadRun run)
    {
        _time = time;
        _run = run;
        _waiter = time == TimeProvider.System ? run.CreateWaiter() : null;
    }

    /// <summary>Waits until <paramref name="timestamp"/>, or until the run stops or is cancelled (which stops it).</summary>
    public void WaitUntil(long timestamp, CancellationToken cancellationToken)
    {
        ReleaseTick();
        var now = _time.GetTimestamp();
        if (timestamp <= now || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (_waiter is not null)
        {
            _waiter.WaitUntil(timestamp);
            return;
        }

        // Timers count whole milliseconds and truncate, so the wait is rounded up: woken early for the last interval,
        // the loop would find the window still open and spin, sending an empty interval each turn. A load stopped
        // early from inside (a feeder out of data) or cancelled (which stops it) ends the wait too.
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var taken = _tickTaken = new ManualResetEventSlim(false);
        var due = TimeSpan.FromMilliseconds(Math.Ceiling(_run.ToTimeSpan(timestamp - now).TotalMilliseconds));
        using (_time.CreateTimer(_ => Tick(fired, taken), null, due, Timeout.InfiniteTimeSpan))
        {
            Task.WaitAny([fired.Task, _run.Stopped], CancellationToken.None);
        }
    }

    /// <summary>Waits at most <paramref name="timeout"/> for <paramref name="task"/>; true when it completed.</summary>
    public bool WaitFor(Task task, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(task);
        ReleaseTick();
        if (task.IsCompleted)
        {
            return true;
        }

        if (_waiter is not null)
        {
            try
            {
                return task.Wait(timeout);
            }
            catch (AggregateException)
            {
                return true; // completed, faulted: the caller looks at the outcome, not at the wait
            }
        }

        // The deadline's timer is released as soon as the task completes: a fake clock then has no timer pending.
        using var deadline = new CancellationTokenSource();
        var completed = Task.WaitAny([task, Task.Delay(timeout, _time, deadline.Token)], CancellationToken.None) == 0;
        deadline.Cancel();
        return completed;
    }

    /// <summary>Waits at most <paramref name="timeout"/> of wall time for <paramref name="task"/>, whatever the run's
    /// clock: the user's lifecycle code (a worker's setup or teardown, a Dispose) runs in wall time, and a fake clock
    /// that moves only when a test moves it must neither time it out nor wait for it forever.</summary>
    public bool WaitForLifecycle(Task task, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(task);
        ReleaseTick();
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        ReleaseTick();
        _waiter?.Dispose();
    }

    private static void Tick(TaskCompletionSource fired, ManualResetEventSlim taken)
    {
        fired.TrySetResult();
        taken.Wait(TickHold);
    }

    /// <summary>This thread took the last tick's interval: the thread that advanced the clock may go on.</summary>
    private void ReleaseTick() => Interlocked.Exchange(ref _tickTaken, null)?.Set();
}

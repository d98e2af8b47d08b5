// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.TestSupport;

/// <summary>
/// Driving a run whose threads wait on the clock (the open model's pacer, paced or ramping closed-model workers)
/// straight from one wake-up to the next, so every thread wakes exactly when it asked to.
/// </summary>
/// <remarks>
/// <para>Those threads wait in a <c>ThreadWaiter</c>: a timer created disarmed and armed for each wait. The clock
/// tracks these timers (armed, fired, disposed) and the agent's pending <c>Task.Delay</c>s. <see cref="DriveScheduledAsync"/>
/// advances only when the run is quiescent: every one of its threads waits on an armed timer (or has ended) and the
/// agent waits on a delay. It then advances to the earliest due time among them, so nothing is skipped and a woken
/// thread reads exactly its due time. A woken thread is no longer waiting, so the next advance waits until it has
/// finished its work and armed its timer again (or ended).</para>
/// <para>A timer counts as armed only once <see cref="ITimer.Change"/> has returned: inside it, FakeTimeProvider may
/// run expired callbacks on the arming thread, and an advance must not overtake them. A callback that fires while
/// the timer is being armed (another thread stepping the clock) leaves it disarmed.</para>
/// </remarks>
public sealed partial class TestClock
{
    private readonly Lock _schedule = new();
    private readonly List<WaiterTimer> _waiters = [];
    private readonly List<OneShot> _oneShots = [];
    private int _waitersDisposed;

    /// <summary>Called on a waiting thread as it arms its timer, before the timer takes the clock's time: lets a
    /// test move the clock in exactly that window.</summary>
    public Action? Arming { get; set; }

    /// <summary>One-shot timers (Task.Delay) created and neither fired nor disposed yet.</summary>
    public int PendingOneShots
    {
        get
        {
            lock (_schedule)
            {
                return _oneShots.Count;
            }
        }
    }

    /// <summary>How many waiting threads have armed their timer and wait on it now.</summary>
    public int ArmedWaiters
    {
        get
        {
            lock (_schedule)
            {
                return _waiters.Count(w => w.IsArmed);
            }
        }
    }

    /// <summary>Fake time since <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider.Start"/>: where the
    /// run is on its timeline when nothing advanced the clock before it started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(GetTimestamp() - Start.Ticks);

    /// <summary>
    /// Advances the clock from the test thread to each next wake-up until <paramref name="run"/> completes (see the
    /// remarks). <paramref name="threads"/> is how many threads of the run wait on the clock: 1 for the open model's
    /// pacer, the worker count for the closed model. <paramref name="actions"/> run on the test thread once the clock
    /// reaches their offset from <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider.Start"/>, such as
    /// releasing invocations that wait for the test.
    /// </summary>
    public async Task<T> DriveScheduledAsync<T>(Task<T> run, int threads, params (TimeSpan At, Action Action)[] actions)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(actions);
        var pending = actions.OrderBy(a => a.At).ToList();
        var guard = Task.Delay(Guard);
        var spinner = default(SpinWait);
        while (!run.IsCompleted)
        {
            if (guard.IsCompleted)
            {
                throw new TimeoutException($"The run did not complete within {Guard.TotalSeconds} s of real time; fake clock at {this}, {Describe()}.");
            }

            if (TryAdvanceToNextWakeUp(threads, pending))
            {
                spinner.Reset();
            }
            else
            {
                spinner.SpinOnce();
            }
        }

        return await run;
    }

    private ITimer CreateWaiterTimer(TimerCallback callback, object? state)
    {
        var timer = new WaiterTimer(this);
        timer.Attach(base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan));
        lock (_schedule)
        {
            _waiters.Add(timer);
        }

        return timer;
    }

    private OneShot TrackOneShot(TimeSpan dueTime)
    {
        var oneShot = new OneShot(this, GetTimestamp() + dueTime.Ticks);
        lock (_schedule)
        {
            _oneShots.Add(oneShot);
        }

        return oneShot;
    }

    private bool TryAdvanceToNextWakeUp(int threads, List<(TimeSpan At, Action Action)> actions)
    {
        lock (_advance)
        {
            long now;
            long next;
            lock (_schedule)
            {
                var armed = 0;
                next = long.MaxValue;
                foreach (var waiter in _waiters)
                {
                    if (waiter.IsArmed)
                    {
                        armed++;
                        next = Math.Min(next, waiter.Due);
                    }
                }

                // Quiescent: every thread of the run waits on the clock (or has ended), and the agent waits on a delay.
                if (armed < threads - _waitersDisposed || _oneShots.Count == 0)
                {
                    return false;
                }

                foreach (var oneShot in _oneShots)
                {
                    next = Math.Min(next, oneShot.Due);
                }

                if (actions.Count > 0)
                {
                    next = Math.Min(next, Start.Ticks + actions[0].At.Ticks);
                }

                now = GetTimestamp();
            }

            if (next > now)
            {
                Advance(TimeSpan.FromTicks(next - now));
            }
            else if (actions.Count == 0 || Start.Ticks + actions[0].At.Ticks > now)
            {
                return false; // a due timer is firing on another thread right now
            }
        }

        while (actions.Count > 0 && actions[0].At <= Elapsed)
        {
            var action = actions[0].Action;
            actions.RemoveAt(0);
            action();
        }

        return true;
    }

    private string Describe()
    {
        lock (_schedule)
        {
            return $"{_waiters.Count(w => w.IsArmed)} of {_waiters.Count} waiting threads armed ({_waitersDisposed} ended), {_oneShots.Count} delays pending";
        }
    }

    /// <summary>A ThreadWaiter's timer: armed for each wait, fired or disarmed, disposed when its thread ends.</summary>
    private sealed class WaiterTimer(TestClock clock) : ITimer
    {
        private ITimer? _inner;
        private State _state;

        private enum State
        {
            Idle,
            Arming,
            FiredWhileArming,
            Armed,
            Disposed,
        }

        /// <summary>Guarded by the clock's schedule lock.</summary>
        public bool IsArmed => _state == State.Armed;

        /// <summary>The timestamp the timer is armed for; guarded by the clock's schedule lock.</summary>
        public long Due { get; private set; }

        public void Attach(ITimer inner) => _inner = inner;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                lock (clock._schedule)
                {
                    _state = _state == State.Disposed ? State.Disposed : State.Idle;
                }

                return _inner!.Change(dueTime, period);
            }

            clock.Arming?.Invoke();
            lock (clock._schedule)
            {
                _state = State.Arming;
                Due = clock.GetTimestamp() + dueTime.Ticks;
            }

            var changed = _inner!.Change(dueTime, period);
            lock (clock._schedule)
            {
                _state = _state == State.Arming ? State.Armed : _state == State.Disposed ? State.Disposed : State.Idle;
            }

            return changed;
        }

        public void Fired()
        {
            lock (clock._schedule)
            {
                _state = _state switch
                {
                    State.Arming => State.FiredWhileArming,
                    State.Disposed => State.Disposed,
                    _ => State.Idle,
                };
            }
        }

        public void Dispose()
        {
            lock (clock._schedule)
            {
                if (_state != State.Disposed)
                {
                    _state = State.Disposed;
                    clock._waiters.Remove(this);
                    clock._waitersDisposed++;
                }
            }

            _inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A pending Task.Delay (or other one-shot timer) and when it is due.</summary>
    private sealed class OneShot(TestClock clock, long due)
    {
        public long Due { get; set; } = due;

        public void Fired() => Forget();

        public ITimer Wrap(ITimer timer) => new OneShotTimer(this, timer);

        private void Forget()
        {
            lock (clock._schedule)
            {
                clock._oneShots.Remove(this);
            }
        }

        private void Track(TimeSpan dueTime)
        {
            lock (clock._schedule)
            {
                Due = clock.GetTimestamp() + dueTime.Ticks;
                if (!clock._oneShots.Contains(this))
                {
                    clock._oneShots.Add(this);
                }
            }
        }

        private sealed class OneShotTimer(OneShot oneShot, ITimer inner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                if (dueTime == Timeout.InfiniteTimeSpan || period != Timeout.InfiniteTimeSpan)
                {
                    oneShot.Forget();
                }
                else
                {
                    oneShot.Track(dueTime);
                }

                return inner.Change(dueTime, period);
            }

            public void Dispose()
            {
                oneShot.Forget();
                inner.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}

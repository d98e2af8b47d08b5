// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest.Workers;

/// <summary>
/// A closed-model worker running an async method back-to-back without blocking a thread on each invocation: the
/// completion of one invocation records it and starts the next, on the thread that completed it. A synchronously
/// completing invocation is followed by the next in a loop (no recursion, no allocation).
/// </summary>
/// <remarks>
/// Blocking the worker's thread on every pending invocation cost a thread hand-off per request (2.7–3.1 context
/// switches per request, 28 % of the generator's CPU in the HTTP benchmark: benchmarks/README.md). Chaining needs no
/// more of the thread pool than the method's own awaits already do: the next invocation runs, up to its first await,
/// on the thread whose completion ended the previous one. Still at most one invocation per worker is in flight, so
/// the worker's single-writer recorder sees one writer at a time (the Interlocked state change orders them). Only the
/// unpaced, unramped closed model chains; pacing and ramps need the worker's thread to wait for their schedule.
/// </remarks>
internal sealed class InvocationChain : IDisposable
{
    private const int Running = 0;
    private const int Pending = 1;
    private const int Completed = 2;

    private readonly LoadRun _run;
    private readonly InvocationSlot _slot;
    private readonly Action<InvocationSlot> _onReleased;
    private readonly ManualResetEventSlim _done = new(initialState: false, spinCount: 0);
    private long _iteration;
    private int _state;

    public InvocationChain(LoadRun run, InvocationSlot slot)
    {
        _run = run;
        _slot = slot;
        _onReleased = OnReleased;
    }

    /// <summary>Runs invocations until the window closes or the run stops; returns when the last one is recorded.</summary>
    public void Run()
    {
        Continue();
        _done.Wait();
    }

    public void Dispose() => _done.Dispose();

    private void Continue()
    {
        try
        {
            var time = _run.Time;
            while (!_run.IsStopping)
            {
                // Read each turn: an automatic warm-up fixes the window's end only when it ends.
                var now = time.GetTimestamp();
                if (now >= _run.MeasureEnd)
                {
                    break;
                }

                Volatile.Write(ref _state, Running);
                _slot.Start(now, _iteration++, _onReleased, startsAtIntended: true);
                if (Interlocked.CompareExchange(ref _state, Pending, Running) == Running)
                {
                    return; // still running: its completion continues the chain (OnReleased)
                }
            }
        }
        catch (Exception ex)
        {
            // Never on a thread-pool thread unobserved: the user's exceptions are the slot's; this is a defect of ours.
            _run.ReportProblem($"Worker {_slot.Context.WorkerId} stopped early: {ErrorText.Describe(ex)}");
        }

        _done.Set();
    }

    private void OnReleased(InvocationSlot slot)
    {
        // Inline (synchronous completion): the loop in Continue goes on. Later: this thread continues the chain.
        if (Interlocked.Exchange(ref _state, Completed) == Pending)
        {
            Continue();
        }
    }
}

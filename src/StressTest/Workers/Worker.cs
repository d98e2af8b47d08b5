// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Invocation;

namespace StressTest.Workers;

/// <summary>
/// One worker: a dedicated thread that owns an instance of the test class and invokes the method back-to-back
/// (the closed model), recording each latency into its own wait-free HdrHistogram <see cref="Recorder"/>.
/// </summary>
/// <remarks>
/// Dedicated threads rather than the thread pool: a pool starved by the API under test (running in the same
/// process) would delay invocations and the delay would be blamed on the API. The recorder and the invocation
/// loop allocate nothing per invocation; the watchdog enforces Timeout from outside, so the loop needs no
/// per-invocation timer or linked token.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A CancellationTokenSource without a timer holds nothing to release, and a stuck worker may outlive the run that would dispose it.")]
internal sealed class Worker
{
    /// <summary>Marker the watchdog swaps into <see cref="_inflightStart"/> when it times an invocation out.</summary>
    private const long TimedOut = -1;

    private readonly LoadRun _run;
    private readonly MethodBinding _binding;
    private readonly ErrorTally _errors = new();
    private readonly Thread _thread;
    private Recorder? _recorder;
    private HistogramBase? _spare;
    private CancellationTokenSource _invocationSource = new();

    // 0 when idle, else the start timestamp of the invocation in flight (read by the watchdog).
    private long _inflightStart;

    public Worker(int id, LoadRun run, MethodBinding binding)
    {
        Id = id;
        _run = run;
        _binding = binding;
        _thread = new Thread(Run) { IsBackground = true, Name = $"StressTest worker {id}" };
    }

    public int Id { get; }

    /// <summary>True while an invocation is running (used to count stuck invocations at shutdown).</summary>
    public bool IsInFlight => Volatile.Read(ref _inflightStart) != 0;

    public void Start() => _thread.Start();

    /// <summary>Moves what was recorded since the last harvest into <paramref name="target"/> (agent thread only).</summary>
    public void HarvestInto(HistogramBase target, Dictionary<string, (long Count, string First)> errors)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(errors);
        if (_recorder is { } recorder)
        {
            _spare = recorder.GetIntervalHistogram(_spare);
            target.Add(_spare);
        }

        foreach (var error in _errors.Drain())
        {
            errors[error.Kind] = errors.TryGetValue(error.Kind, out var seen)
                ? (seen.Count + error.Count, seen.First)
                : (error.Count, error.FirstMessage);
        }
    }

    /// <summary>Called by the watchdog: cancels the invocation in flight if it started before <paramref name="now"/>
    /// minus Timeout. The compare-and-swap makes sure a later invocation is never cancelled by mistake.</summary>
    public void CheckTimeout(long now)
    {
        var start = Volatile.Read(ref _inflightStart);
        if (start > 0 && now - start >= _run.TimeoutTicks
            && Interlocked.CompareExchange(ref _inflightStart, TimedOut, start) == start)
        {
            Cancel();
        }
    }

    /// <summary>Cancels the invocation in flight (timeout or run cancellation).</summary>
    public void Cancel()
    {
        try
        {
            Volatile.Read(ref _invocationSource).Cancel();
        }
        catch (AggregateException ex)
        {
            // A callback the user registered on the token threw; the worker itself is unaffected.
            _errors.Add(ex);
        }
    }

    private void Run()
    {
        object? instance = null;
        try
        {
            instance = _binding.CreateInstance();
            // Created on this thread so its counts array is allocated and first touched by the thread that writes
            // it, away from the other workers' (shared cache lines cost 2x per record, see PERF-FACTS).
            _recorder = LatencyHistograms.CreateRecorder();
            var invoke = _binding.BindTo(instance);
            _run.ReportReady();
            _run.WaitForStart();
            if (!_run.IsStopping)
            {
                Loop(invoke);
            }
        }
        catch (Exception ex)
        {
            _run.ReportStartFailure($"Creating an instance of {_binding.Method.ReflectedType?.Name} for worker {Id} failed: {ex.GetType().FullName}: {ErrorTally.Truncate(ex.Message)}");
            _run.ReportReady();
        }
        finally
        {
            DisposeInstance(instance);
            _run.ReportExited();
        }
    }

    private void Loop(InvocationDelegate invoke)
    {
        var run = _run;
        var time = run.Time;
        var recorder = _recorder!;
        var context = new StressContext(run.RunId, Id);
        var measureFrom = run.MeasureFrom;
        var measureEnd = run.MeasureEnd;
        long iteration = 0;
        while (!run.IsStopping)
        {
            var start = time.GetTimestamp();
            if (start >= measureEnd)
            {
                break;
            }

            var source = _invocationSource;
            context.Iteration = iteration++;
            context.CancellationToken = source.Token;
            Volatile.Write(ref _inflightStart, start);
            Exception? failure = null;
            try
            {
                var pending = invoke(context, source.Token);
                if (pending.IsCompleted)
                {
                    // Synchronous completion (the no-op path): no Task, no wait, no allocation.
                    pending.GetAwaiter().GetResult();
                }
                else
                {
                    // The closed model waits for its own invocation; blocking this dedicated thread is the point.
                    pending.AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            var end = time.GetTimestamp();
            var timedOut = Interlocked.Exchange(ref _inflightStart, 0) == TimedOut;
            if (source.IsCancellationRequested)
            {
                if (run.IsStopping)
                {
                    break; // cancelled run: an interrupted invocation is neither a measurement nor an error
                }

                // Only after a timeout: a fresh source for the next invocation (the one allocation off the fast path).
                Volatile.Write(ref _invocationSource, new CancellationTokenSource());
            }

            if (start < measureFrom)
            {
                continue; // warm-up: runs, but is not measured
            }

            var elapsed = end - start;
            recorder.RecordValue(LatencyHistograms.Clamp((long)(elapsed * run.MicrosecondsPerTick)));
            if (timedOut || elapsed >= run.TimeoutTicks)
            {
                _errors.Add(ErrorKinds.Timeout, $"An invocation ran longer than Timeout ({run.Load.Timeout.TotalMilliseconds:0.###} ms) and was cancelled.");
            }
            else if (failure is not null)
            {
                _errors.Add(failure);
            }
        }
    }

    private void DisposeInstance(object? instance)
    {
        try
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            _run.ReportProblem($"Disposing worker {Id}'s {instance!.GetType().Name} failed: {ex.GetType().FullName}: {ErrorTally.Truncate(ex.Message)}");
        }
    }
}

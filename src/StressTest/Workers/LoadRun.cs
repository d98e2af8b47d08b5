// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Workers;

/// <summary>
/// State shared by the workers of one agent for one run: the timeline (in <see cref="TimeProvider"/> timestamps),
/// the stop flag and the start/exit handshakes. The timeline is fixed before the workers are released, so the
/// hot path reads plain fields and decides by its own timestamps when warm-up ends and the load stops.
/// </summary>
internal sealed class LoadRun
{
    private readonly TaskCompletionSource _allReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _problems = [];
    private int _notReady;
    private int _running;
    private volatile bool _stopping;

    public LoadRun(TimeProvider time, string runId, LoadProfile load, int workerCount)
    {
        Time = time;
        RunId = runId;
        Load = load;
        _notReady = workerCount;
        _running = workerCount;
        TimeoutTicks = ToTicks(load.Timeout);
        MicrosecondsPerTick = 1_000_000.0 / time.TimestampFrequency;
        MeasureFrom = long.MaxValue;
        MeasureEnd = long.MaxValue;
    }

    public TimeProvider Time { get; }

    public string RunId { get; }

    public LoadProfile Load { get; }

    /// <summary>Invocations starting at or after this timestamp are measured (warm-up ends).</summary>
    public long MeasureFrom { get; private set; }

    /// <summary>No invocation starts at or after this timestamp.</summary>
    public long MeasureEnd { get; private set; }

    public long TimeoutTicks { get; }

    public double MicrosecondsPerTick { get; }

    /// <summary>Set when the run is cancelled or could not start: workers stop at their next check.</summary>
    public bool IsStopping => _stopping;

    public Task AllReady => _allReady.Task;

    public Task AllExited => _allExited.Task;

    /// <summary>Problems outside invocations (constructor or Dispose failures).</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return _problems.ToList();
            }
        }
    }

    public bool StartFailed { get; private set; }

    public long ToTicks(TimeSpan span) => (long)(span.Ticks * (Time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    public TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromTicks((long)(ticks * (TimeSpan.TicksPerSecond / (double)Time.TimestampFrequency)));

    /// <summary>Fixes the timeline and releases the workers.</summary>
    public void Start(long startTimestamp)
    {
        MeasureFrom = startTimestamp + ToTicks(Load.WarmUp);
        MeasureEnd = MeasureFrom + ToTicks(Load.Duration);
        _go.TrySetResult();
    }

    public void Stop()
    {
        _stopping = true;
        _go.TrySetResult();
    }

    public void WaitForStart() => _go.Task.Wait();

    public void ReportReady()
    {
        if (Interlocked.Decrement(ref _notReady) == 0)
        {
            _allReady.TrySetResult();
        }
    }

    public void ReportExited()
    {
        if (Interlocked.Decrement(ref _running) == 0)
        {
            _allExited.TrySetResult();
        }
    }

    public void ReportStartFailure(string problem)
    {
        StartFailed = true;
        ReportProblem(problem);
    }

    public void ReportProblem(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}

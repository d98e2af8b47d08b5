// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Load;
using StressTest.Monitoring.Telemetry;
using StressTest.Workers.Http;
using StressTest.Workers.Recording;

namespace StressTest.Workers;

/// <summary>
/// State shared by the workers of one agent for one run: the timeline (in <see cref="TimeProvider"/> timestamps),
/// the stop flag and the start/exit handshakes. The timeline is fixed before the workers are released, so the
/// hot path reads plain fields and decides by its own timestamps when warm-up ends and the load stops. The facet
/// <c>LoadRun.Lifecycle.cs</c> tracks the user's lifecycle code each worker runs, so the agent can bound it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Cancellation sources without a timer hold nothing to release, and abandoned lifecycle code may still hold their tokens.")]
internal sealed partial class LoadRun
{
    private readonly TaskCompletionSource _allReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ThreadWaiter> _waiters = [];
    private int _notReady;
    private int _running;
    private volatile bool _stopping;

    // Written once by Start (a fixed warm-up) or by EndWarmUp (the automatic one, from the agent's thread) while the
    // workers run, so read with Volatile: a worker must see the window as soon as it is known. On x64 a volatile read
    // of a long is a plain load; the hot path reads each once per invocation.
    private long _measureFrom;
    private long _measureEnd;
    private int _rehearsals;
    private int _rehearsalOver;

    public LoadRun(TimeProvider time, string runId, LoadProfile load, int workerCount, StressHttpClient? http = null)
    {
        Http = http;
        if (http is not null)
        {
            // A refused host fails the test whatever error rate it allows, even when the method catches the exception.
            http.OnRefused = ReportProblemOnce;
        }

        Details = new DetailRecorder(ReportProblem);
        RehearsalDetails = new DetailRecorder(static _ => { });
        Time = time;
        RunId = runId;
        Load = load;
        _notReady = workerCount;
        _running = workerCount;
        _looping = workerCount;
        TimeoutTicks = ToTicks(load.Timeout);
        TimeoutMessage = $"An invocation ran longer than Timeout ({load.Timeout.TotalMilliseconds:0.###} ms) and was cancelled.";
        CutOffMessage = $"Still running ShutdownGrace ({load.ShutdownGrace.TotalSeconds:0.###} s) after the load ended: its CancellationToken was cancelled and it returned. Invocations that take this long need a longer ShutdownGrace setting, or a shorter Timeout.";
        MicrosecondsPerTick = 1_000_000.0 / time.TimestampFrequency;
        // OS waits count whole milliseconds: up to the last 0.2 ms (plus the rounding) before a scheduled start are spun,
        // yielding the CPU, on the real clock (see ThreadWaiter). A fake clock only moves when told to: it never spins.
        SpinTicks = time == TimeProvider.System ? ToTicks(TimeSpan.FromMilliseconds(0.2)) : 0;

        // The automatic warm-up runs on the real clock only: on a fake one the generator's warmth means nothing.
        AutoWarmUp = load.AutoWarmUp && time == TimeProvider.System;
        WarmUpLength = load.AutoWarmUp && !AutoWarmUp ? TimeSpan.Zero : load.WarmUp;
        WarmUpShape = WarmUpLength > TimeSpan.Zero ? load.WarmUpShape(WarmUpLength) : null;
        MeasuredShape = load.MeasuredShape(warmedUp: WarmUpLength > TimeSpan.Zero);
        _measureFrom = long.MaxValue;
        _measureEnd = long.MaxValue;
    }

    public TimeProvider Time { get; }

    /// <summary>What the workers found: problems fail the test, notes explain a run that stopped early.</summary>
    public RunDiagnostics Diagnostics { get; } = new();

    /// <summary>How many workers (closed model) or slots (open model) the run has: <c>StressContext.WorkerCount</c>.</summary>
    public int SlotCount { get; init; } = 1;

    /// <summary>What setup handed to the run (<c>StressSetupContext.Set</c>), read by <c>StressContext.Get</c>.</summary>
    public RunData Data { get; init; } = new();

    /// <summary>The run's cancellation (Test Explorer's cancel, a signal); <c>[StressWorkerSetup]</c> gets a token
    /// linked to it (<see cref="SetupToken"/>).</summary>
    public CancellationToken Cancellation
    {
        get => _cancellation;
        init
        {
            _cancellation = value;
            _setup = CancellationTokenSource.CreateLinkedTokenSource(value);
        }
    }

    /// <summary>Completes when the run stops before its end (cancelled, could not start, or stopped early).</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>When <see cref="StopEarly"/> stopped the load; null otherwise. The measured window ends here.</summary>
    public long? StoppedEarlyAt { get; private set; }

    /// <summary>What the result should say without failing the test (a feeder that ran out and stopped the load).</summary>
    public IReadOnlyList<string> Notes => Diagnostics.Notes;

    /// <summary>The run's HttpClient (built on first use), shared by every invocation.</summary>
    public StressHttpClient? Http { get; }

    public string RunId { get; }

    /// <summary>Tags, trace sampling and baggage of the run's telemetry; off unless the agent sets it.</summary>
    public RunTelemetry Telemetry { get; init; } = RunTelemetry.Off;

    /// <summary>Steps, endpoints and checks, recorded by every invocation of this agent.</summary>
    public DetailRecorder Details { get; }

    /// <summary>Where an automatic warm-up's invocations record their steps, endpoints and checks: the same code as the
    /// measured ones run, into recorders that are thrown away.</summary>
    public DetailRecorder RehearsalDetails { get; }

    public LoadProfile Load { get; }

    /// <summary>The run's start (warm-up begins); offsets of the <see cref="WarmUpShape"/> count from here.</summary>
    public long StartTimestamp { get; private set; }

    /// <summary>True when the warm-up ends when the generator is warm (<see cref="EndWarmUp"/>), at most
    /// <see cref="WarmUpLength"/> after the start.</summary>
    public bool AutoWarmUp { get; }

    /// <summary>The warm-up's length; with <see cref="AutoWarmUp"/> its upper bound.</summary>
    public TimeSpan WarmUpLength { get; }

    /// <summary>The load's target during the warm-up (rate or active workers), from the start; null without one.</summary>
    public LoadShape? WarmUpShape { get; }

    /// <summary>The load's target over the measured window, from <see cref="MeasureFrom"/>.</summary>
    public LoadShape MeasuredShape { get; }

    /// <summary>True while an automatic warm-up runs: the measured window is not known yet.</summary>
    public bool IsWarmingUp => Volatile.Read(ref _measureFrom) == long.MaxValue;

    /// <summary>Ticks before a scheduled start that a waiting thread spins instead of sleeping.</summary>
    public long SpinTicks { get; }

    public string TimeoutMessage { get; }

    /// <summary>The error of an invocation cut off at the end of the shutdown grace (<see cref="IsCutOff"/>).</summary>
    public string CutOffMessage { get; }

    /// <summary>Invocations starting at or after this timestamp are measured (warm-up ends); <see cref="long.MaxValue"/>
    /// until known.</summary>
    public long MeasureFrom => Volatile.Read(ref _measureFrom);

    /// <summary>No invocation starts at or after this timestamp; <see cref="long.MaxValue"/> until known.</summary>
    public long MeasureEnd => Volatile.Read(ref _measureEnd);

    public long TimeoutTicks { get; }

    public double MicrosecondsPerTick { get; }

    /// <summary>Set when the run is cancelled or could not start: workers stop at their next check.</summary>
    public bool IsStopping => _stopping;

    public Task AllReady => _allReady.Task;

    public Task AllExited => _allExited.Task;

    /// <summary>Problems outside invocations (constructor or Dispose failures).</summary>
    public IReadOnlyList<string> Problems => Diagnostics.Problems;

    public bool StartFailed { get; private set; }

    public long ToTicks(TimeSpan span) => (long)(span.Ticks * (Time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    public TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromTicks((long)(ticks * (TimeSpan.TicksPerSecond / (double)Time.TimestampFrequency)));

    /// <summary>Fixes the timeline (the measured window too, unless the warm-up is automatic) and releases the workers.</summary>
    public void Start(long startTimestamp)
    {
        StartTimestamp = startTimestamp;
        if (!AutoWarmUp)
        {
            SetWindow(startTimestamp + ToTicks(WarmUpLength));
        }

        _go.TrySetResult();
    }

    /// <summary>Ends an automatic warm-up at <paramref name="timestamp"/>: the measured window starts there and lasts
    /// Duration. Waiting workers are woken, so a ramp's idle worker or the pacer re-reads the timeline. Once only.</summary>
    public void EndWarmUp(long timestamp)
    {
        if (IsWarmingUp)
        {
            SetWindow(timestamp);
            lock (_waiters)
            {
                _waiters.ForEach(w => w.Wake());
            }
        }
    }

    /// <summary>Lets a warm-up invocation record into its worker's sink (the measured path, rehearsed) while the
    /// rehearsal lasts; <see cref="ExitRehearsal"/> after. <see cref="EndRehearsal"/> lets none enter any more and waits
    /// out those inside, so the agent can empty the sinks before it opens the measured window: no warm-up value
    /// reaches a measured interval, and no measured value is thrown away with the warm-up's.</summary>
    public bool TryEnterRehearsal()
    {
        Interlocked.Increment(ref _rehearsals);
        if (Volatile.Read(ref _rehearsalOver) == 0)
        {
            return true;
        }

        Interlocked.Decrement(ref _rehearsals);
        return false;
    }

    public void ExitRehearsal() => Interlocked.Decrement(ref _rehearsals);

    /// <summary>Ends the rehearsal: waits until no warm-up invocation is still recording (a few µs).</summary>
    public void EndRehearsal()
    {
        // Exchange is a full fence between this write and the read below (store-load), paired with TryEnterRehearsal's
        // increment-then-read: either the invocation sees the rehearsal over, or this sees it inside.
        Interlocked.Exchange(ref _rehearsalOver, 1);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _rehearsals) != 0)
        {
            spin.SpinOnce();
        }
    }

    private void SetWindow(long measureFrom)
    {
        // The end first: a worker that sees the new start must never see the old, unknown end with it.
        Volatile.Write(ref _measureEnd, measureFrom + ToTicks(Load.Duration));
        Volatile.Write(ref _measureFrom, measureFrom);
    }

    public void Stop()
    {
        _stopping = true;
        _go.TrySetResult();
        _stopped.TrySetResult();
        lock (_waiters)
        {
            _waiters.ForEach(w => w.Wake());
        }
    }

    /// <summary>A waiter for a dedicated thread, woken early when the run stops.</summary>
    public ThreadWaiter CreateWaiter()
    {
        var waiter = new ThreadWaiter(this);
        lock (_waiters)
        {
            _waiters.Add(waiter);
        }

        return waiter;
    }

    /// <summary>The target (rate or active workers) at a timestamp.</summary>
    public double TargetAt(long timestamp)
    {
        var measureFrom = MeasureFrom;
        return timestamp < measureFrom && WarmUpShape is { } warmUp
            ? warmUp.TargetAt(ToTimeSpan(timestamp - StartTimestamp))
            : MeasuredShape.TargetAt(ToTimeSpan(timestamp - Math.Min(measureFrom, timestamp)));
    }

    /// <summary>
    /// When the target first reaches <paramref name="level"/> at or after <paramref name="now"/> (a ramp's idle worker
    /// waits for it): a timestamp, or null when it never does. During an automatic warm-up whose level stays below,
    /// the warm-up's bound: <see cref="EndWarmUp"/> wakes the worker before that.
    /// </summary>
    public long? WhenTargetReaches(double level, long now)
    {
        var measureFrom = MeasureFrom;
        if (now < measureFrom && WarmUpShape is { } warmUp)
        {
            if (warmUp.TimeAtOrAbove(level, ToTimeSpan(now - StartTimestamp)) is { } inWarmUp && At(inWarmUp) < measureFrom)
            {
                return At(inWarmUp);
            }

            if (measureFrom == long.MaxValue)
            {
                return At(WarmUpLength);
            }
        }

        var from = Math.Max(now, measureFrom);
        return MeasuredShape.TimeAtOrAbove(level, ToTimeSpan(from - measureFrom)) is { } offset ? measureFrom + ToTicks(offset) : null;
    }

    /// <summary>The timestamp of a warm-up offset.</summary>
    public long At(TimeSpan offset) => StartTimestamp + ToTicks(offset);

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
        ReportProblemOnce(problem);
    }

    /// <summary>
    /// Ends the load now, from inside an invocation (a feeder out of data): no invocation starts any more, the
    /// measured window ends here, and <paramref name="reason"/> becomes a problem (fails the test) or, when not a
    /// <paramref name="failure"/>, a note of the result. The first stop wins; later calls only add their reason once.
    /// </summary>
    public void StopEarly(string reason, bool failure)
    {
        lock (_waiters)
        {
            StoppedEarlyAt ??= Time.GetTimestamp();
        }

        if (failure)
        {
            Diagnostics.ProblemOnce(reason);
        }
        else
        {
            Diagnostics.NoteOnce(reason);
        }

        Stop();
    }

    /// <summary>Reports a problem unless the same text was reported before (one line, not one per invocation).</summary>
    public void ReportProblemOnce(string problem) => Diagnostics.ProblemOnce(problem);

    public void ReportProblem(string problem) => Diagnostics.Problem(problem);
}

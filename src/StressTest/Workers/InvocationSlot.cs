// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using StressTest.Errors;
using StressTest.Monitoring.Telemetry;
using StressTest.Transport.Contracts;
using StressTest.Workers.Binding;
using StressTest.Workers.Http;
using StressTest.Workers.Recording;

namespace StressTest.Workers;

/// <summary>
/// One invocation at a time: its context, its cancellation source and the in-flight start time the watchdog reads.
/// A closed-model worker owns one slot and runs it back-to-back; the open model keeps a pool of slots, one per
/// invocation allowed in flight, so starting an invocation allocates nothing and the pool's size is the cap.
/// </summary>
/// <remarks>
/// Latency is measured from the <em>intended</em> start (the schedule's time), service time from the actual start:
/// a generator that started late because the system was stalled still charges the stall to the request, as
/// wrk2 does, instead of hiding it (coordinated omission). Without pacing both starts are the same.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A CancellationTokenSource without a timer holds nothing to release, and an abandoned invocation may outlive the run.")]
internal sealed class InvocationSlot : IInvocationScope
{
    /// <summary>Marker the watchdog swaps into <see cref="_inflightStart"/> when it times an invocation out.</summary>
    private const long TimedOut = -1;

    private readonly LoadRun _run;
    private readonly MeasurementSink _sink;
    private readonly Action _onCompleted;
    private CancellationTokenSource _source = new();

    // 0 when idle, else the actual start timestamp of the invocation in flight (read by the watchdog).
    private long _inflightStart;
    private long _warmUpCompleted;
    private bool _rehearsing;

    // State of a pending asynchronous invocation (open model), kept in fields so that waiting for it allocates
    // nothing: the continuation is one cached delegate per slot.
    private ValueTask _pending;
    private CancellationTokenSource? _pendingSource;
    private long _pendingIntended;
    private long _pendingStart;
    private Action<InvocationSlot>? _release;

    // What the invocation in flight reported besides its outcome: a failed soft check, and the first HTTP response
    // whose status code the test does not accept (recorded as the invocation's error when it does not throw).
    private bool _checkFailed;
    private int _httpFailureStatus;
    private string? _httpFailureEndpoint;
    private SlotHttpClients? _http;

    // Tracing: the span of the invocation in flight when it was sampled (null otherwise, the fast path).
    private TraceSampler _sampler;
    private Activity? _trace;

    public InvocationSlot(int id, LoadRun run, MeasurementSink sink)
    {
        _run = run;
        _sink = sink;
        Context = new StressContext(run.RunId, id, run.SlotCount) { Scope = this };
        _onCompleted = OnPendingCompleted;
        _sampler = new TraceSampler(run.Telemetry.TraceSampleRate, id);
    }

    public StressContext Context { get; }

    public LoadRun Run => _run;

    /// <summary>Whether the invocation in flight is measured (it was scheduled after the warm-up). Decided once, when
    /// it starts: an automatic warm-up that ends while it runs does not make half of it measured.</summary>
    public bool IsMeasured { get; private set; }

    /// <summary>Whether the invocation in flight records what it does: measured, or rehearsing during an automatic
    /// warm-up (the same recording code runs, into recorders that are thrown away, so it is compiled and warm before
    /// measuring starts; without it the measured path's first calls fell into the first measured second).</summary>
    public bool IsRecording => IsMeasured || _rehearsing;

    /// <summary>Where the invocation in flight records its steps, endpoints and checks.</summary>
    public DetailRecorder Details => _rehearsing ? _run.RehearsalDetails : _run.Details;

    /// <summary>The run's telemetry for a measured invocation; off for a rehearsing one (warm-up never counts).</summary>
    public RunTelemetry Telemetry => IsMeasured ? _run.Telemetry : RunTelemetry.Off;

    /// <summary>Warm-up invocations this slot completed: what the automatic warm-up judges throughput by (one plain
    /// field per slot, written by whichever thread completes the slot's one invocation in flight: no shared counter
    /// for the workers to contend on).</summary>
    public long WarmUpCompleted => Volatile.Read(ref _warmUpCompleted);

    /// <summary>The method bound to this slot's instance of the test class.</summary>
    public InvocationDelegate? Invoke { get; set; }

    /// <summary>Next free slot in the open model's pool (a lock-free stack threaded through the slots).</summary>
    public InvocationSlot? NextFree { get; set; }

    public bool IsInFlight => Volatile.Read(ref _inflightStart) != 0;

    /// <summary>True while <c>[StressWorkerSetup]</c> or <c>[StressWorkerTeardown]</c> runs in this slot.</summary>
    public bool IsInLifecycle { get; private set; }

    /// <summary>Before a worker's setup or teardown: its requests are not measured (they belong to no invocation)
    /// and its context carries <paramref name="cancellationToken"/>.</summary>
    public void EnterLifecycle(CancellationToken cancellationToken)
    {
        IsMeasured = false;
        IsInLifecycle = true;
        Context.CancellationToken = cancellationToken;
    }

    public void LeaveLifecycle() => IsInLifecycle = false;

    /// <summary>The span of the invocation in flight when it is traced; null otherwise. Steps and HTTP requests of a
    /// traced invocation get spans of their own, and its requests carry <c>traceparent</c> and <c>baggage</c>.</summary>
    public Activity? Trace => _trace;

    /// <inheritdoc/>
    public RunData Data => _run.Data;

    /// <inheritdoc/>
    public StepPass BeginStep(string name)
    {
        var recorder = Details.Step(name);
        if (!IsRecording)
        {
            return default;
        }

        var span = _trace is null ? null : StressInstruments.Source.StartActivity(name);
        span?.SetTag("stresstest.step", name);
        return new StepPass(this, recorder, _run.Time.GetTimestamp(), span);
    }

    /// <inheritdoc/>
    public void EndStep(in StepPass pass, bool failed)
    {
        // A step cut off by the run's cancellation is neither a measurement nor an error (as the invocation is not).
        if (pass.Recorder is NamedRecorder recorder && !(failed && _run.IsStopping))
        {
            var elapsed = (long)((_run.Time.GetTimestamp() - pass.Start) * _run.MicrosecondsPerTick);
            recorder.Record(elapsed, failed);
            Telemetry.RecordStep(elapsed, recorder.Name);
        }

        if (pass.Span is { } span)
        {
            if (failed)
            {
                span.SetStatus(ActivityStatusCode.Error);
            }

            span.Stop();
        }
    }

    /// <inheritdoc/>
    public void StopRun(string reason, bool failure)
    {
        _run.StopEarly(reason, failure);
        Cancel();
    }

    /// <summary>The slot's client of the given name (null: <c>StressContext.Http</c>), created on first use.</summary>
    public HttpClient HttpClient(string? name)
    {
        var http = _http ?? LazyInitializer.EnsureInitialized(ref _http, () => new SlotHttpClients(this));
        return http.Get(name);
    }

    /// <summary>One evaluation of a soft check by the invocation in flight.</summary>
    public void Check(bool condition, string name)
    {
        if (IsRecording)
        {
            Details.Check(name, condition);
            if (!condition)
            {
                _checkFailed = true;
            }
        }
    }

    /// <summary>A response the test does not accept: the invocation's error unless it fails otherwise (first wins).</summary>
    public void NoteHttpFailure(int statusCode, string endpoint)
    {
        if (Interlocked.CompareExchange(ref _httpFailureStatus, statusCode, 0) == 0)
        {
            Volatile.Write(ref _httpFailureEndpoint, endpoint);
        }
    }

    /// <summary>Runs one invocation to its end on the calling thread (closed model, synchronous methods).
    /// <paramref name="startsAtIntended"/>: the caller took <paramref name="intended"/> just now (unpaced closed
    /// model), so it serves as the start and saves a clock read.</summary>
    public void RunBlocking(long intended, long iteration, bool startsAtIntended = false)
    {
        var source = Begin(intended, iteration, startsAtIntended ? intended : 0, out var start);
        Exception? failure = null;
        try
        {
            var pending = _trace is null ? Invoke!(Context, source.Token) : InvokeTraced(source.Token);
            if (pending.IsCompleted)
            {
                // Synchronous completion (the no-op path): no Task, no wait, no allocation.
                pending.GetAwaiter().GetResult();
            }
            else
            {
                // The caller is a dedicated thread whose job is to wait for this invocation (closed model).
                pending.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        Finish(source, intended, start, failure);
    }

    /// <summary>Starts one invocation without waiting for it (open model, chained closed model): <paramref name="release"/>
    /// is called when it has been recorded, inline if it completed synchronously, else on the thread that completes it.
    /// <paramref name="startsAtIntended"/>: as for <see cref="RunBlocking"/>.</summary>
    public void Start(long intended, long iteration, Action<InvocationSlot> release, bool startsAtIntended = false)
    {
        var source = Begin(intended, iteration, startsAtIntended ? intended : 0, out var start);
        ValueTask pending;
        try
        {
            pending = _trace is null ? Invoke!(Context, source.Token) : InvokeTraced(source.Token);
        }
        catch (Exception ex)
        {
            Finish(source, intended, start, ex);
            release(this);
            return;
        }

        if (pending.IsCompleted)
        {
            Finish(source, intended, start, Observe(pending));
            release(this);
            return;
        }

        _pending = pending;
        _pendingSource = source;
        _pendingIntended = intended;
        _pendingStart = start;
        _release = release;
        // Unsafe: no ExecutionContext capture; ConfigureAwait(false): no SynchronizationContext. A Task stores the
        // cached delegate itself as its continuation, so this allocates nothing.
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onCompleted);
    }

    /// <summary>Called by the watchdog: cancels the invocation in flight if it started at least Timeout before
    /// <paramref name="now"/>. The compare-and-swap makes sure a later invocation is never cancelled by mistake.</summary>
    public void CheckTimeout(long now)
    {
        var start = Volatile.Read(ref _inflightStart);
        if (start > 0 && now - start >= _run.TimeoutTicks)
        {
            // Read after the start: if the swap below succeeds, this invocation was in flight all along, so this is
            // its source (a source is replaced only after its invocation has left flight). Cancelling it, rather than
            // whatever source the slot holds by the time Cancel runs, never hits the next invocation.
            var source = Volatile.Read(ref _source);
            if (Interlocked.CompareExchange(ref _inflightStart, TimedOut, start) == start)
            {
                Cancel(source);
            }
        }
    }

    /// <summary>Cancels the invocation in flight (timeout or run cancellation).</summary>
    public void Cancel() => Cancel(Volatile.Read(ref _source));

    private void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (AggregateException ex)
        {
            // A callback the user registered on the token threw; the slot itself is unaffected.
            _sink.Errors.Add(ex, _run.ToTimeSpan(Math.Max(0, _run.Time.GetTimestamp() - _run.MeasureFrom)));
        }
    }

    private CancellationTokenSource Begin(long intended, long iteration, long now, out long start)
    {
        var source = _source;
        IsMeasured = intended >= _run.MeasureFrom;
        _rehearsing = !IsMeasured && _run.AutoWarmUp && _run.IsWarmingUp;
        _checkFailed = false;
        _httpFailureStatus = 0;
        _httpFailureEndpoint = null;
        Context.Iteration = iteration;
        Context.CancellationToken = source.Token;
        _trace = IsMeasured && _run.Telemetry.ShouldTrace(ref _sampler) ? _run.Telemetry.StartInvocation(Context.WorkerId, iteration) : null;
        start = now != 0 ? now : _run.Time.GetTimestamp();
        Volatile.Write(ref _inflightStart, start);
        return source;
    }

    /// <summary>Runs the method with its span as <see cref="Activity.Current"/>, which its awaits carry along (so steps and
    /// requests nest under it), then gives the calling thread back the null it had: the span must not leak into the
    /// next invocation this thread starts.</summary>
    private ValueTask InvokeTraced(CancellationToken token)
    {
        try
        {
            return Invoke!(Context, token);
        }
        finally
        {
            Activity.Current = null;
        }
    }

    private void OnPendingCompleted()
    {
        var pending = _pending;
        var source = _pendingSource!;
        var release = _release!;
        _pending = default;
        _pendingSource = null;
        Finish(source, _pendingIntended, _pendingStart, Observe(pending));
        release(this);
    }

    private void Finish(CancellationTokenSource source, long intended, long start, Exception? failure)
    {
        var end = _run.Time.GetTimestamp();
        var timedOut = Interlocked.Exchange(ref _inflightStart, 0) == TimedOut;
        if (_trace is { } trace)
        {
            _trace = null;
            EndTrace(trace, failure, timedOut);
        }

        var cutOff = source.IsCancellationRequested && _run.IsCutOff && !timedOut;
        if (source.IsCancellationRequested && _run.IsStopping && !cutOff)
        {
            return; // cancelled run: an interrupted invocation is neither a measurement nor an error
        }

        if (timedOut || source.IsCancellationRequested)
        {
            // Only after a timeout: a fresh source for the next invocation (the one allocation off the fast path),
            // also when the watchdog has claimed the invocation but not yet cancelled its source.
            Volatile.Write(ref _source, new CancellationTokenSource());
        }

        var perTick = _run.MicrosecondsPerTick;
        var service = end - start;
        var latency = (long)((end - intended) * perTick);
        if (!IsMeasured)
        {
            // Warm-up: runs, but is never measured. While an automatic warm-up rehearses, it records into the worker's
            // sink, which the agent empties before it opens the measured window.
            Volatile.Write(ref _warmUpCompleted, _warmUpCompleted + 1);
            if (_rehearsing && _run.TryEnterRehearsal())
            {
                _sink.Record(latency, (long)(service * perTick), (long)((start - intended) * perTick));
                _run.ExitRehearsal();
            }

            return;
        }

        _sink.Record(latency, (long)(service * perTick), (long)((start - intended) * perTick));
        timedOut |= service >= _run.TimeoutTicks;
        _run.Telemetry.RecordInvocation(latency, timedOut || cutOff || failure is not null || Volatile.Read(ref _httpFailureStatus) != 0);
        if (cutOff && !timedOut)
        {
            // Outlived the run by ShutdownGrace and returned when its token was cancelled: honest about its token,
            // but what it did was never finished. Not "stuck": that is for methods that ignore the token.
            _sink.Errors.Add(ErrorClass.CutOff, _run.CutOffMessage, _run.ToTimeSpan(end - _run.MeasureFrom));
            return;
        }

        RecordOutcome(failure, timedOut, end);
    }

    /// <summary>Off the fast path (traced invocations only): the span's outcome, then its end.</summary>
    private void EndTrace(Activity trace, Exception? failure, bool timedOut)
    {
        var status = Volatile.Read(ref _httpFailureStatus);
        if (timedOut || failure is not null || status != 0)
        {
            var kind = timedOut ? ErrorClassifier.Timeout.Kind : failure is not null ? ErrorClassifier.Classify(failure).Kind : ErrorClassifier.HttpStatus(status).Kind;
            trace.SetStatus(ActivityStatusCode.Error, kind);
            trace.SetTag("error.type", kind);
        }

        trace.Stop();
    }

    /// <summary>Off the fast path (only when something failed): the error by its class, and the checks.</summary>
    private void RecordOutcome(Exception? failure, bool timedOut, long end)
    {
        var checkFailed = _checkFailed;
        var httpStatus = Volatile.Read(ref _httpFailureStatus);
        if (!timedOut && failure is null && httpStatus == 0 && !checkFailed)
        {
            return;
        }

        var at = _run.ToTimeSpan(end - _run.MeasureFrom);
        if (timedOut)
        {
            _sink.Errors.Add(ErrorClassifier.Timeout, _run.TimeoutMessage, at);
        }
        else if (failure is not null)
        {
            if (failure is NullTaskException)
            {
                // Every invocation would fail the same way: stop now, naming the method, instead of counting thousands.
                _run.StopEarly(ErrorText.SafeMessage(failure), failure: true);
            }

            var error = _sink.Errors.Add(failure, at);
            if (error.Category == ErrorCategories.Check)
            {
                _run.Details.AssertionFailed(ErrorText.SafeMessage(ErrorText.Root(failure)));
                checkFailed = true;
            }
        }
        else if (httpStatus != 0)
        {
            _sink.Errors.Add(ErrorClassifier.HttpStatus(httpStatus), at, (Endpoint: Volatile.Read(ref _httpFailureEndpoint), Status: httpStatus), static f => HttpStatusText.Describe(f.Endpoint, f.Status));
        }

        if (checkFailed)
        {
            _run.Details.AddFailedCheckInvocation();
        }
    }

    private static Exception? Observe(ValueTask completed)
    {
        try
        {
            completed.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}

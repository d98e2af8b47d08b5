// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using HdrHistogram;
using StressTest.Benchmarks.Targets;
using StressTest.Load;
using StressTest.Monitoring.Telemetry;
using StressTest.Transport;
using StressTest.Workers;
using StressTest.Workers.Binding;

namespace StressTest.Benchmarks.Micro;

/// <summary>
/// One invocation of the closed-model hot path on no-op methods, through the engine's own code, plus its parts
/// (the call alone, one timestamp, the in-flight marker, the recording) so the total can be read as a sum.
/// </summary>
/// <remarks>
/// Per invocation a closed-model worker (<c>Worker.Loop</c>, unpaced and not ramping) checks the stop flag, takes a
/// timestamp, checks the end of the window and calls <see cref="InvocationSlot.RunBlocking"/> with that timestamp as
/// the start, which does the rest: context fields, in-flight start (<see cref="Volatile"/>), the compiled
/// <see cref="InvocationDelegate"/> and its completion check, a second timestamp,
/// <see cref="Interlocked.Exchange(ref long, long)"/>, cancellation check and <see cref="MeasurementSink.Record"/>
/// (unpaced: one recorder). <see cref="Loop"/> repeats <c>Worker.Loop</c>'s few lines around the call
/// (the loop itself is private and only returns when the run ends) and calls the real slot, built as a worker builds
/// it: a started <see cref="LoadRun"/> measured from the first invocation, a <see cref="MeasurementSink"/> created on
/// the benchmark thread, and the method compiled by <see cref="MethodBinding"/>. Each benchmark call runs
/// <see cref="Invocations"/> invocations in one loop, as the worker does, so the harness's per-call cost is spread
/// thin; results are per invocation.
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class InvocationHotPathBenchmarks
{
    private const int Invocations = 1024;

    private readonly CancellationTokenSource _source = new();
    private LoadRun _run = null!;
    private MeasurementSink _sink = null!;
    private Recorder _recorder = null!;
    private InvocationSlot _void = null!;
    private InvocationSlot _task = null!;
    private InvocationSlot _valueTask = null!;
    private InvocationSlot _telemetryIdle = null!;
    private StressContext _context = null!;
    private MeterListener? _meterListener;
    private ActivityListener? _activityListener;
    private long _inflightStart;
    private long _iteration;

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var load = new LoadProfile(TimeSpan.Zero, TimeSpan.FromDays(1), Concurrency: 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        _run = new LoadRun(time, "bench", load, workerCount: 1);
        _run.Start(time.GetTimestamp());

        // Created on the benchmark thread, as a worker creates its sink on its own thread (see PERF-FACTS).
        _sink = new MeasurementSink(concurrentWriters: false, scheduled: false);
        _recorder = LatencyHistograms.CreateRecorder();
        _void = Slot(nameof(NoopTargets.Noop));
        _task = Slot(nameof(NoopTargets.NoopTask));
        _valueTask = Slot(nameof(NoopTargets.NoopValueTask));
        _context = _void.Context;

        // A run as the agent builds it, with the default TraceSampleRate (1 %): what every run pays for telemetry.
        var telemetryRun = new LoadRun(time, "bench", load, workerCount: 1) { Telemetry = new RunTelemetry("bench", "Bench.Noop", 0.01) };
        telemetryRun.Start(time.GetTimestamp());
        _telemetryIdle = Slot(nameof(NoopTargets.Noop), telemetryRun);
    }

    /// <summary>For the listened benchmark only: a meter listener on the latency histogram (a callback that does nothing)
    /// and an activity listener recording every sampled span, i.e. the engine's own cost with a consumer attached.</summary>
    [GlobalSetup(Target = nameof(HotPathVoidListened))]
    public void SetupListened()
    {
        Setup();
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StressTestTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meterListener.Start();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StressTestTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meterListener?.Dispose();
        _activityListener?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Invocations, Description = "closed-model invocation, void no-op")]
    public long HotPathVoid() => Loop(_void, Invocations);

    [Benchmark(OperationsPerInvoke = Invocations, Description = "closed-model invocation, Task no-op")]
    public long HotPathTask() => Loop(_task, Invocations);

    [Benchmark(OperationsPerInvoke = Invocations, Description = "closed-model invocation, ValueTask no-op")]
    public long HotPathValueTask() => Loop(_valueTask, Invocations);

    [Benchmark(OperationsPerInvoke = Invocations, Description = "closed-model invocation, void no-op, telemetry on (1 % traced), nobody listening")]
    public long HotPathVoidTelemetryIdle() => Loop(_telemetryIdle, Invocations);

    [Benchmark(OperationsPerInvoke = Invocations, Description = "closed-model invocation, void no-op, 1 % traced, meter and spans listened")]
    public long HotPathVoidListened() => Loop(_telemetryIdle, Invocations);

    [Benchmark(OperationsPerInvoke = Invocations, Description = "part: compiled delegate call, void no-op")]
    public long InvokeOnly()
    {
        var invoke = _void.Invoke!;
        var context = _context;
        var token = _source.Token;
        long completed = 0;
        for (var i = 0; i < Invocations; i++)
        {
            var pending = invoke(context, token);
            if (pending.IsCompleted)
            {
                pending.GetAwaiter().GetResult();
                completed++;
            }
        }

        return completed;
    }

    [Benchmark(OperationsPerInvoke = Invocations, Description = "part: one TimeProvider.System timestamp")]
    public long Timestamp()
    {
        var time = _run.Time;
        long sum = 0;
        for (var i = 0; i < Invocations; i++)
        {
            sum += time.GetTimestamp();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Invocations, Description = "part: in-flight marker, Volatile.Write + Interlocked.Exchange")]
    public long InflightMarker()
    {
        long cleared = 0;
        for (var i = 0; i < Invocations; i++)
        {
            Volatile.Write(ref _inflightStart, i + 1);
            cleared += Interlocked.Exchange(ref _inflightStart, 0) > 0 ? 1 : 0;
        }

        return cleared;
    }

    [Benchmark(OperationsPerInvoke = Invocations, Description = "part: one Recorder.RecordValue")]
    public long RecordOne()
    {
        var recorder = _recorder;
        for (var i = 0; i < Invocations; i++)
        {
            recorder.RecordValue(LatencyHistograms.Clamp(i & 7));
        }

        return Invocations;
    }

    [Benchmark(OperationsPerInvoke = Invocations, Description = "part: MeasurementSink.Record, unpaced (one recorder)")]
    public long RecordSink()
    {
        var sink = _sink;
        for (var i = 0; i < Invocations; i++)
        {
            sink.Record(i & 7, i & 3, 0);
        }

        return Invocations;
    }

    private InvocationSlot Slot(string methodName, LoadRun? run = null)
    {
        var method = typeof(NoopTargets).GetMethod(methodName)!;
        var binding = MethodBinding.Create(typeof(NoopTargets), method);
        if (!binding.IsSuccess)
        {
            throw new InvalidOperationException(binding.Error);
        }

        return new InvocationSlot(0, run ?? _run, _sink) { Invoke = binding.Value.BindTo(binding.Value.CreateInstance()) };
    }

    /// <summary><c>Worker.Loop</c> for an unpaced, constant closed-model load, bounded by <paramref name="count"/>
    /// instead of the end of the run; keep it in step with the worker.</summary>
    private long Loop(InvocationSlot slot, int count)
    {
        var run = slot.Run;
        var time = run.Time;
        var end = run.MeasureEnd;
        var pacing = run.ToTicks(run.Load.Pacing);
        var ramping = run.Load.Stages.Count > 0;
        var iteration = _iteration;
        for (var n = 0; n < count && !run.IsStopping; n++)
        {
            var now = time.GetTimestamp();
            if (now >= end || ramping || pacing > 0)
            {
                throw new InvalidOperationException("The benchmark's load is constant, unpaced and a day long.");
            }

            slot.RunBlocking(now, iteration++, startsAtIntended: true);
        }

        _iteration = iteration;
        return iteration;
    }
}

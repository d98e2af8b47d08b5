// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;

namespace StressTest.Workers;

/// <summary>
/// Where invocations are recorded: three HdrHistogram recorders (latency from the intended start, service time from
/// the actual start, and start lateness, the difference), the errors, and the arrivals dropped at the in-flight cap.
/// A closed-model worker owns one and is its only writer; the open model shares one among invocations that complete
/// on any thread, so its recorders are built over concurrent histograms (still wait-free for writers). Without a
/// schedule (the unpaced closed model) latency and service time are the same value and lateness is zero, so only
/// the latency recorder exists: one record per invocation instead of three.
/// </summary>
internal sealed class MeasurementSink
{
    private readonly Recorder _latency;
    private readonly Recorder? _service;
    private readonly Recorder? _lateness;
    private HistogramBase? _spareLatency;
    private HistogramBase? _spareService;
    private HistogramBase? _spareLateness;
    private long _dropped;

    public MeasurementSink(bool concurrentWriters, bool scheduled = true)
    {
        // Each recorder's second histogram is swapped in here, on the creating thread, rather than by the first
        // harvest on the agent's thread: histograms allocated by the agent for two workers end up side by side and
        // share cache lines, which made two workers every other second 20 % slower (benchmarks/README.md).
        _latency = LatencyHistograms.CreateRecorder(concurrentWriters);
        _spareLatency = _latency.GetIntervalHistogram();
        if (scheduled)
        {
            _service = LatencyHistograms.CreateRecorder(concurrentWriters);
            _spareService = _service.GetIntervalHistogram();
            _lateness = LatencyHistograms.CreateRecorder(concurrentWriters);
            _spareLateness = _lateness.GetIntervalHistogram();
        }
    }

    public ErrorTally Errors { get; } = new();

    /// <summary>Records one measured invocation; all values in µs.</summary>
    public void Record(long latency, long service, long lateness)
    {
        _latency.RecordValue(LatencyHistograms.Clamp(latency));
        if (_service is not null)
        {
            _service.RecordValue(LatencyHistograms.Clamp(service));
            _lateness!.RecordValue(LatencyHistograms.Clamp(lateness));
        }
    }

    public void AddDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>Moves everything recorded since the last harvest into <paramref name="target"/> (one harvesting
    /// thread only).</summary>
    public void HarvestInto(IntervalAccumulator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _spareLatency = _latency.GetIntervalHistogram(_spareLatency);
        target.Latency.Add(_spareLatency);
        if (_service is not null)
        {
            _spareService = _service.GetIntervalHistogram(_spareService);
            target.Service.Add(_spareService);
            _spareLateness = _lateness!.GetIntervalHistogram(_spareLateness);
            target.Lateness.Add(_spareLateness);
        }
        target.Dropped += Interlocked.Exchange(ref _dropped, 0);
        foreach (var error in Errors.Drain())
        {
            target.AddError(error);
        }
    }
}

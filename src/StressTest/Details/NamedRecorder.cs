// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;

namespace StressTest.Details;

/// <summary>
/// Latencies and errors of one named part of the load (a step or an endpoint), written by every invocation that
/// passes through it, on any thread. One per name per agent, not one per worker: a worker's own recorder per name
/// would cost a 180 KB histogram pair per worker per name (64 workers × 10 endpoints = 230 MB). Writers stay
/// wait-free (HdrHistogram's recorder over a concurrent histogram, Interlocked counters); what they share is a
/// few cache lines, which costs tens of nanoseconds against the microseconds of a request or a step.
/// </summary>
internal class NamedRecorder
{
    private readonly Recorder _latency = LatencyHistograms.CreateRecorder(concurrentWriters: true);
    private HistogramBase? _spare;
    private long _errors;

    public NamedRecorder(string name)
    {
        Name = name;
        _spare = _latency.GetIntervalHistogram();
    }

    public string Name { get; }

    /// <summary>Records one pass in µs; <paramref name="failed"/> counts it as an error too.</summary>
    public void Record(long microseconds, bool failed)
    {
        _latency.RecordValue(LatencyHistograms.Clamp(microseconds));
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    /// <summary>What was recorded since the last harvest (one harvesting thread only); the histogram is valid until
    /// the next harvest.</summary>
    public (HistogramBase Latency, long Errors) Harvest()
    {
        _spare = _latency.GetIntervalHistogram(_spare);
        return (_spare, Interlocked.Exchange(ref _errors, 0));
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Transport.Contracts;

namespace StressTest.Workers;

/// <summary>One agent's interval being collected from its sinks; reused from interval to interval.</summary>
internal sealed class IntervalAccumulator
{
    private readonly Dictionary<string, (long Count, string First)> _errors = new(StringComparer.Ordinal);

    public HistogramBase Latency { get; } = LatencyHistograms.Create();

    public HistogramBase Service { get; } = LatencyHistograms.Create();

    public HistogramBase Lateness { get; } = LatencyHistograms.Create();

    public long Dropped { get; set; }

    public void AddError(string kind, long count, string firstMessage) =>
        _errors[kind] = _errors.TryGetValue(kind, out var seen) ? (seen.Count + count, seen.First) : (count, firstMessage);

    /// <summary>Encodes what was collected into a message and starts afresh.</summary>
    public IntervalTelemetry Take(int index, TimeSpan start, TimeSpan end, double target, int inFlight)
    {
        var message = new IntervalTelemetry(index, start, end, HistogramCodec.Encode(Latency), _errors.Select(e => new ErrorCount(e.Key, e.Value.Count, e.Value.First)).ToList())
        {
            ServiceTime = HistogramCodec.Encode(Service),
            Lateness = HistogramCodec.Encode(Lateness),
            Dropped = Dropped,
            Target = target,
            InFlight = inFlight,
        };
        Latency.Reset();
        Service.Reset();
        Lateness.Reset();
        Dropped = 0;
        _errors.Clear();
        return message;
    }
}

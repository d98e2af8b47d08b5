// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Workers;

/// <summary>One agent's interval being collected from its sinks; reused from interval to interval, encoding buffer
/// included (an interval histogram's buffer is about 180 KB: allocating it every second fed the large-object heap).</summary>
internal sealed class IntervalAccumulator
{
    private readonly Dictionary<string, ErrorCount> _errors = new(StringComparer.Ordinal);
    private readonly HistogramCodec.Encoder _encoder = new();
    private readonly bool _scheduled;

    /// <param name="scheduled">Whether service time and lateness differ from latency (open model, pacing); when
    /// not, they are not sent and the controller takes latency for service time.</param>
    public IntervalAccumulator(bool scheduled = true) => _scheduled = scheduled;

    public HistogramBase Latency { get; } = LatencyHistograms.Create();

    public HistogramBase Service { get; } = LatencyHistograms.Create();

    public HistogramBase Lateness { get; } = LatencyHistograms.Create();

    public long Dropped { get; set; }

    public List<EndpointInterval> Endpoints { get; } = [];

    public List<StepInterval> Steps { get; } = [];

    public List<CheckInterval> Checks { get; } = [];

    public long FailedCheckInvocations { get; set; }

    /// <summary>Encodes a histogram with the accumulator's reusable buffer.</summary>
    public byte[] Encode(HistogramBase histogram) => _encoder.Encode(histogram);

    public void AddError(ErrorCount error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors[error.Kind] = _errors.TryGetValue(error.Kind, out var seen) ? seen.Merge(error) : error;
    }

    /// <summary>Encodes what was collected into a message and starts afresh.</summary>
    /// <param name="index">The interval's index.</param>
    /// <param name="start">Its start, from the measured window's start.</param>
    /// <param name="end">Its end.</param>
    /// <param name="target">The load's target at its end.</param>
    /// <param name="inFlight">Invocations in flight now.</param>
    /// <param name="health">The generator's health in the interval, completed here with its start lateness.</param>
    public IntervalTelemetry Take(int index, TimeSpan start, TimeSpan end, double target, int inFlight, GeneratorHealth? health = null)
    {
        if (health is not null && _scheduled && Lateness.TotalCount > 0)
        {
            health = health with { LatenessP99Ms = Lateness.GetValueAtPercentile(99) / LatencyHistograms.MicrosecondsPerMillisecond };
        }

        var message = new IntervalTelemetry(index, start, end, _encoder.Encode(Latency), _errors.Values.ToList())
        {
            ServiceTime = _scheduled ? _encoder.Encode(Service) : null,
            Lateness = _scheduled ? _encoder.Encode(Lateness) : null,
            Dropped = Dropped,
            Target = target,
            InFlight = inFlight,
            Endpoints = [.. Endpoints],
            Steps = [.. Steps],
            Checks = [.. Checks],
            FailedCheckInvocations = FailedCheckInvocations,
            Health = health,
        };
        Endpoints.Clear();
        Steps.Clear();
        Checks.Clear();
        FailedCheckInvocations = 0;
        Latency.Reset();
        Service.Reset();
        Lateness.Reset();
        Dropped = 0;
        _errors.Clear();
        return message;
    }
}

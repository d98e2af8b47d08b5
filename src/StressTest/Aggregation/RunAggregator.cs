// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Errors;
using StressTest.Monitoring.Probes;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Aggregation;

/// <summary>
/// Merges the telemetry of one run, from one agent or many: interval histograms add exactly into the whole-run
/// histogram and into the interval of the same index, so the result does not depend on how workers were spread.
/// </summary>
internal sealed class RunAggregator
{
    private readonly LongHistogram _total = LatencyHistograms.Create();
    private readonly LongHistogram _service = LatencyHistograms.Create();
    private readonly LongHistogram _lateness = LatencyHistograms.Create();
    private readonly LongHistogram _window = LatencyHistograms.Create();
    private readonly SortedDictionary<int, Interval> _intervals = [];
    private long _dropped;
    private readonly Dictionary<string, ErrorCount> _errors = new(StringComparer.Ordinal);
    private readonly DetailAggregator _details = new();
    private readonly HistogramCodec.Encoder _encoder = new();
    private readonly List<string> _failures = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _notes = [];
    private IReadOnlyList<ProbeSeries> _probes = [];
    private TimeSpan _measured;
    private AgentCompleted? _warmUp;
    private int _stuck;
    private bool _cancelled;

    /// <summary>Measured invocations merged so far.</summary>
    public long TotalCount => _total.TotalCount;

    /// <summary>Why the agents could not run, if they could not; empty otherwise.</summary>
    public IReadOnlyList<string> Failures => _failures;

    public void Apply(TelemetryMessage message)
    {
        switch (message)
        {
            case IntervalTelemetry interval:
                ApplyInterval(interval);
                break;
            case AgentFailed failed:
                _failures.Add(failed.Reason);
                break;
            case AgentCompleted completed:
                _measured = completed.Measured > _measured ? completed.Measured : _measured;
                _stuck += completed.StuckInvocations;
                _cancelled |= completed.Cancelled;
                _problems.AddRange(completed.WorkerErrors);
                _notes.AddRange(completed.Notes);
                _details.Rename(completed.EndpointAliases);
                _warmUp = completed.AutoWarmUp is null ? _warmUp : completed;
                break;
            default:
                throw new ArgumentException($"Unknown telemetry message {message?.GetType().Name}.", nameof(message));
        }
    }

    /// <summary>What was measured so far, for progress and for the report rewritten while the test runs; changes
    /// nothing (the newest intervals stay open for late messages).</summary>
    public RunMeasurements Snapshot()
    {
        var measured = _intervals.Count == 0 ? TimeSpan.Zero : _intervals.Values.Max(i => i.End);
        return Measurements(_intervals.Select(i => i.Value.Peek(i.Key)).ToList(), measured, intervalHistograms: []);
    }

    /// <summary>Latency since the last call (the progress line's "last 5 s"), then starts a new window.</summary>
    public LatencySummary TakeWindow()
    {
        var summary = LatencySummary.From(_window);
        _window.Reset();
        return summary;
    }

    /// <summary>The probes' samples, sampled beside the load by the controller; part of what <see cref="Complete"/>
    /// returns.</summary>
    public void AddProbes(IReadOnlyList<ProbeSeries> probes) => _probes = probes;

    public RunMeasurements Complete()
    {
        if (_stuck > 0)
        {
            AddError(new ErrorCount(ErrorClass.Stuck.Kind, _stuck, $"{_stuck} invocation(s) were still running after the shutdown grace period and were abandoned.")
            {
                Category = ErrorClass.Stuck.Category,
                FirstAt = _measured,
                LastAt = _measured,
            });
        }

        var series = _intervals.Select(i => i.Value.Summarize(i.Key, _encoder)).ToList();
        return Measurements(series, _measured, _intervals.Select(i => i.Value.Histogram(i.Key, _encoder)).ToList());
    }

    private RunMeasurements Measurements(IReadOnlyList<SecondSample> series, TimeSpan measured, IReadOnlyList<IntervalHistogram> intervalHistograms)
    {
        var errors = _errors
            .OrderByDescending(e => e.Value.Count)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ErrorSummary(e.Key, e.Value.Count, e.Value.FirstMessage) { Category = e.Value.Category, FirstAt = e.Value.FirstAt, LastAt = e.Value.LastAt })
            .ToList();
        return new RunMeasurements(_total, series, errors, measured, _stuck, _cancelled, _problems)
        {
            ServiceTime = _service,
            Lateness = _lateness,
            Dropped = _dropped,
            Endpoints = _details.Endpoints(),
            Steps = _details.Steps(),
            Checks = _details.Checks(),
            FailedCheckInvocations = _details.FailedCheckInvocations,
            IntervalHistograms = intervalHistograms,
            Notes = [.. _notes],
            Probes = _probes,
            AutoWarmUp = _warmUp?.AutoWarmUp,
            AutoWarmUpNote = _warmUp?.AutoWarmUpNote,
            AutoWarmUpSettled = _warmUp?.AutoWarmUpSettled ?? true,
        };
    }

    private void ApplyInterval(IntervalTelemetry message)
    {
        var latency = HistogramCodec.Decode(message.Latency);
        _total.Add(latency);
        _window.Add(latency);
        // Without a schedule, service time is the latency itself: an agent may leave it out.
        _service.Add(message.ServiceTime is { } service ? HistogramCodec.Decode(service) : latency);
        if (message.Lateness is { } lateness)
        {
            _lateness.Add(HistogramCodec.Decode(lateness));
        }

        _dropped += message.Dropped;
        _details.Apply(message);
        var errorCount = 0L;
        foreach (var error in message.Errors)
        {
            AddError(error);
            errorCount += error.Count;
        }

        if (!_intervals.TryGetValue(message.Index, out var interval))
        {
            _intervals[message.Index] = interval = new Interval(LatencyHistograms.Create(), message.Start, message.End);

            // An interval's histogram is only needed decoded until its statistics are known: summarise intervals
            // two behind the newest (agents may be one interval apart) and keep only their compressed encoding (for
            // the interval log), so memory stays nearly flat however long the run (one 188 KB histogram a second
            // grew a 2-minute run's peak by half; the encoding is a few hundred bytes to a few KB).
            foreach (var (index, older) in _intervals)
            {
                if (index < message.Index - 1)
                {
                    older.Seal(index, _encoder);
                }
            }
        }

        interval.Latency?.Add(latency);
        interval.Start = Min(interval.Start, message.Start);
        interval.End = Max(interval.End, message.End);
        interval.Errors += errorCount;
        interval.Dropped += message.Dropped;
        interval.InFlight += message.InFlight;
        // One agent today: its health is the generator's. Several agents will each need their own row.
        interval.Health = message.Health ?? interval.Health;
        // Each agent reports the whole load's target (agents split workers, not the schedule's shape).
        interval.Target = Math.Max(interval.Target, message.Target);
    }

    private void AddError(ErrorCount error) =>
        _errors[error.Kind] = _errors.TryGetValue(error.Kind, out var seen) ? seen.Merge(error) : error;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>One interval merged over agents; once it is sealed into a summary only its histogram's compressed
    /// encoding is kept.</summary>
    private sealed class Interval(HistogramBase latency, TimeSpan start, TimeSpan end)
    {
        private SecondSample? _sealed;
        private byte[]? _encoded;

        public HistogramBase? Latency { get; private set; } = latency;

        public TimeSpan Start { get; set; } = start;

        public TimeSpan End { get; set; } = end;

        public long Errors { get; set; }

        public long Dropped { get; set; }

        public int InFlight { get; set; }

        public double Target { get; set; }

        public GeneratorHealth? Health { get; set; }

        /// <summary>Computes the interval's statistics once, encodes its histogram and releases it. A late message
        /// for a sealed interval still counts in the run's totals; only its share of this interval's percentiles
        /// (and of its interval-log entry) is lost.</summary>
        public void Seal(int index, HistogramCodec.Encoder encoder)
        {
            if (_sealed is null && Latency is { } histogram)
            {
                _sealed = new SecondSample(index, Start.TotalSeconds, End.TotalSeconds, histogram.TotalCount, Errors, LatencySummary.From(histogram));
                _encoded = encoder.Encode(histogram);
                Latency = null;
            }
        }

        public SecondSample Summarize(int index, HistogramCodec.Encoder encoder)
        {
            Seal(index, encoder);
            return Peek(index);
        }

        /// <summary>The interval's statistics as of now, without sealing it.</summary>
        public SecondSample Peek(int index)
        {
            var sample = _sealed ?? new SecondSample(index, Start.TotalSeconds, End.TotalSeconds, Latency!.TotalCount, Errors, LatencySummary.From(Latency));
            return sample with { EndSeconds = End.TotalSeconds, Errors = Errors, Target = Target, Dropped = Dropped, InFlight = InFlight, Health = Health };
        }

        public IntervalHistogram Histogram(int index, HistogramCodec.Encoder encoder)
        {
            Seal(index, encoder);
            return new(index, Start, End, _encoded!);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Monitoring.Generator;
using StressTest.Monitoring.Probes;

namespace StressTest.Aggregation;

/// <summary>
/// Everything measured in one run, merged from all agents: the whole-run histogram, the per-second series,
/// errors by kind and the measured window. Statistics are computed once here so thresholds, messages and every
/// report read the same numbers.
/// </summary>
internal sealed class RunMeasurements
{
    private GeneratorVerdict? _generator;
    private (ThreadPoolStarvation? Value, bool Judged) _starvation;

    public RunMeasurements(
        HistogramBase latency,
        IReadOnlyList<SecondSample> series,
        IReadOnlyList<ErrorSummary> errors,
        TimeSpan measured,
        int stuck,
        bool cancelled,
        IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(latency);
        ArgumentNullException.ThrowIfNull(errors);
        Latency = latency;
        Series = series;
        ErrorsByKind = errors;
        Measured = measured;
        Stuck = stuck;
        Cancelled = cancelled;
        Problems = problems;
        // A stuck invocation never completed, so it is not in the histogram; it still counts, as an error.
        Count = latency.TotalCount + stuck;
        Errors = errors.Sum(e => e.Count);
        ErrorRate = Count == 0 ? 0 : (double)Errors / Count;
        Rps = measured > TimeSpan.Zero ? Count / measured.TotalSeconds : 0;
        Summary = LatencySummary.From(latency);
    }

    /// <summary>Service times in µs (from the actual start); the same as <see cref="Latency"/> when nothing is paced.</summary>
    public HistogramBase? ServiceTime { get; init; }

    /// <summary>Start lateness in µs: how late invocations started against their schedule.</summary>
    public HistogramBase? Lateness { get; init; }

    /// <summary>Arrivals inside the measured window that found the in-flight cap reached and were not started.</summary>
    public long Dropped { get; init; }

    /// <summary>Dropped / (Count + Dropped): the share of scheduled arrivals that never started.</summary>
    public double DroppedRate => Count + Dropped == 0 ? 0 : (double)Dropped / (Count + Dropped);

    /// <summary>HTTP requests by endpoint, most requested first.</summary>
    public IReadOnlyList<EndpointMeasurement> Endpoints { get; init; } = [];

    /// <summary>Steps by name.</summary>
    public IReadOnlyList<StepMeasurement> Steps { get; init; } = [];

    /// <summary>Checks: soft ones by name, then failed assertions.</summary>
    public IReadOnlyList<CheckMeasurement> Checks { get; init; } = [];

    /// <summary>Measured invocations in which a check failed (a soft check, or an assertion that ended it).</summary>
    public long FailedCheckInvocations { get; init; }

    /// <summary>The <c>checks</c> metric: the share of measured invocations whose checks all held (an invocation
    /// without checks holds); NaN when nothing was measured.</summary>
    public double ChecksRate => Count == 0 ? double.NaN : (double)(Count - FailedCheckInvocations) / Count;

    /// <summary>Probe values by name, each sample in its second.</summary>
    public IReadOnlyList<ProbeSeries> Probes { get; init; } = [];

    /// <summary>Each second's latency histogram (µs) in its compressed encoding, by index: what the interval log
    /// (.hlog) is written from.</summary>
    public IReadOnlyList<IntervalHistogram> IntervalHistograms { get; init; } = [];

    /// <summary>Latencies in µs of every measured invocation that completed, errors included.</summary>
    public HistogramBase Latency { get; }

    public IReadOnlyList<SecondSample> Series { get; }

    public IReadOnlyList<ErrorSummary> ErrorsByKind { get; }

    /// <summary>The measured window: Duration, or less when the run was cancelled.</summary>
    public TimeSpan Measured { get; }

    public int Stuck { get; }

    public bool Cancelled { get; }

    /// <summary>Problems outside invocations, such as a Dispose that threw.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>What the result says without failing the test: why the load stopped before its end.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How long the automatic warm-up ran before the measured window; null when the warm-up was written (or
    /// off), or did not run (a fake clock).</summary>
    public TimeSpan? AutoWarmUp { get; init; }

    /// <summary>How the automatic warm-up ended (<c>JIT quiet and throughput settled after 2.1 s</c>).</summary>
    public string? AutoWarmUpNote { get; init; }

    /// <summary>False when the automatic warm-up reached its limit before the generator was warm.</summary>
    public bool AutoWarmUpSettled { get; init; } = true;

    /// <summary>Measured invocations: those that started inside the measured window.</summary>
    public long Count { get; }

    public long Errors { get; }

    /// <summary>Errors / Count, a fraction.</summary>
    public double ErrorRate { get; }

    /// <summary>Count / measured window in seconds.</summary>
    public double Rps { get; }

    public LatencySummary Summary { get; }

    /// <summary>Whether the load generator limited the run, from the series' health (judged once, on first use).</summary>
    public GeneratorVerdict Generator => _generator ??= GeneratorVerdict.Judge(HealthSeries(), Environment.ProcessorCount);

    /// <summary>Whether the test's own code starved the thread pool, from the series' health (judged once, on first use).</summary>
    public ThreadPoolStarvation? Starvation
    {
        get
        {
            if (!_starvation.Judged)
            {
                _starvation = (ThreadPoolStarvation.Judge(HealthSeries(), Environment.ProcessorCount), true);
            }

            return _starvation.Value;
        }
    }

    private List<HealthSecond> HealthSeries() => [.. Series.Select(s => new HealthSecond(s.StartSeconds, s.EndSeconds, s.Health))];
}

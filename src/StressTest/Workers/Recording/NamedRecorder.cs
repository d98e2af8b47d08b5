// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;

namespace StressTest.Workers.Recording;

/// <summary>
/// Latencies and errors of one named part of the load (a step or an endpoint), written by every invocation that
/// passes through it, on any thread. Not one per worker: a worker's own recorder per name would cost a 180 KB
/// histogram pair per worker per name (64 workers × 10 endpoints = 230 MB). Instead one stripe per processor (at
/// most <see cref="MaxStripes"/>), created when a processor first records: writers on different cores then share
/// no cache line. One shared recorder made both cores of the HTTP benchmark take turns on the same few lines (the
/// recorder's phase counter, the histogram's total, the status-code counters) for every request. Writers stay
/// wait-free (HdrHistogram's recorder over a concurrent histogram, Interlocked counters), because a thread can be
/// moved to another processor in the middle of a record and meet a writer there.
/// </summary>
internal class NamedRecorder
{
    /// <summary>Stripes at most: each costs a histogram pair (about 380 KB) per name.</summary>
    public const int MaxStripes = 4;

    private readonly Stripe?[] _stripes = new Stripe?[Math.Clamp(Environment.ProcessorCount, 1, MaxStripes)];
    private readonly LongHistogram _merged = LatencyHistograms.Create();

    public NamedRecorder(string name) => Name = name;

    public string Name { get; }

    /// <summary>Records one pass in µs; <paramref name="failed"/> counts it as an error too.</summary>
    public void Record(long microseconds, bool failed) => Record(CurrentStripe(), microseconds, failed);

    /// <summary>What was recorded since the last harvest (one harvesting thread only); the histogram is valid until
    /// the next harvest.</summary>
    public (HistogramBase Latency, long Errors) Harvest()
    {
        _merged.Reset();
        long errors = 0;
        foreach (var stripe in Stripes())
        {
            stripe.Spare = stripe.Latency.GetIntervalHistogram(stripe.Spare);
            _merged.Add(stripe.Spare);
            errors += Interlocked.Exchange(ref stripe.Errors, 0);
        }

        return (_merged, errors);
    }

    /// <summary>Records into <paramref name="stripe"/>, which <see cref="CurrentStripe"/> returned.</summary>
    protected static void Record(Stripe stripe, long microseconds, bool failed)
    {
        stripe.Latency.RecordValue(LatencyHistograms.Clamp(microseconds));
        if (failed)
        {
            Interlocked.Increment(ref stripe.Errors);
        }
    }

    /// <summary>The stripe of the processor the calling thread runs on (<see cref="Thread.GetCurrentProcessorId"/> is
    /// cached per thread by the runtime: a few nanoseconds).</summary>
    protected Stripe CurrentStripe()
    {
        var stripes = _stripes;
        var index = (int)((uint)Thread.GetCurrentProcessorId() % (uint)stripes.Length);
        return Volatile.Read(ref stripes[index]) ?? AddStripe(index);
    }

    /// <summary>The stripes created so far, for a subclass's own harvest.</summary>
    protected IEnumerable<Stripe> Stripes()
    {
        for (var i = 0; i < _stripes.Length; i++)
        {
            if (Volatile.Read(ref _stripes[i]) is { } stripe)
            {
                yield return stripe;
            }
        }
    }

    /// <summary>A new stripe; a subclass adds its own counters.</summary>
    protected virtual Stripe CreateStripe() => new();

    private Stripe AddStripe(int index)
    {
        var stripe = CreateStripe();
        return Interlocked.CompareExchange(ref _stripes[index], stripe, null) ?? stripe;
    }

    /// <summary>What one processor's writers record into.</summary>
    protected class Stripe
    {
        public Stripe() => Spare = Latency.GetIntervalHistogram();

        public Recorder Latency { get; } = LatencyHistograms.CreateRecorder(concurrentWriters: true);

        /// <summary>The histogram the last harvest returned, recycled by the next.</summary>
        public HistogramBase Spare { get; set; }

#pragma warning disable SA1401, CA1051 // A field, so that writers can update it with Interlocked.
        public long Errors;
#pragma warning restore SA1401, CA1051
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Aggregation;

/// <summary>One entry of the per-second series: invocations that completed in the interval.</summary>
/// <param name="Index">0 for the first second of the measured window.</param>
/// <param name="StartSeconds">Start offset from the measured window's start.</param>
/// <param name="EndSeconds">End offset.</param>
/// <param name="Count">Completed invocations.</param>
/// <param name="Errors">Of which failed.</param>
/// <param name="Latency">Latency statistics of the interval.</param>
internal sealed record SecondSample(int Index, double StartSeconds, double EndSeconds, long Count, long Errors, LatencySummary Latency)
{
    /// <summary>The load model's target at the interval's end: arrivals per second (open) or workers (closed).</summary>
    public double Target { get; init; }

    /// <summary>Arrivals dropped at the in-flight cap.</summary>
    public long Dropped { get; init; }

    /// <summary>Invocations in flight when the interval was taken.</summary>
    public int InFlight { get; init; }

    /// <summary>How the generator fared in the interval; null when it was not sampled.</summary>
    public GeneratorHealth? Health { get; init; }

    /// <summary>Completed invocations per second in this interval.</summary>
    public double Rps => EndSeconds > StartSeconds ? Count / (EndSeconds - StartSeconds) : 0;
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Load;

/// <summary>
/// The intended start times of the open model's iterations: successive offsets from the start of a
/// <see cref="LoadShape"/> read as a rate in arrivals per second, over the half-open window [0, Duration).
/// </summary>
/// <remarks>
/// <para>
/// Both spreads work in the shape's integral Λ(t) (expected arrivals so far) and map back to time with
/// <see cref="LoadShape.TimeOfCumulative"/>, so a ramp needs no special case and no clock is stepped:
/// <see cref="Arrivals.Uniform"/> puts arrival k where Λ reaches k, which makes the count over any stage its integral
/// (500/s for 3 s is exactly 1500 arrivals, 2 ms apart); <see cref="Arrivals.Poisson"/> uses time rescaling, giving
/// unit-mean exponential gaps in Λ, which is an inhomogeneous Poisson process with the shape as its rate.
/// </para>
/// <para>
/// The offsets are intended times: the controller measures latency from them, not from when a worker got round to
/// the call, so a stalled server cannot hide (wrk2). <see cref="TryNext"/> allocates nothing, because it runs once per
/// iteration on the scheduling path.
/// </para>
/// <para>
/// The first arrival is where the shape becomes active (<see cref="LoadShape.ActiveFrom"/>) rather than at zero, so
/// a profile that opens with a pause or is zero throughout sends nothing while its rate is zero.
/// </para>
/// </remarks>
internal sealed class ArrivalSchedule
{
    private readonly LoadShape _shape;
    private readonly Random? _random;
    private readonly TimeSpan _end;
    private long _count;
    private double _cumulative;
    private TimeSpan _previous;
    private bool _finished;

    /// <summary>Starts a schedule at the beginning of <paramref name="shape"/>.</summary>
    /// <param name="shape">The rate over time, in arrivals per second.</param>
    /// <param name="arrivals">How arrivals are spread.</param>
    /// <param name="seed">Seeds the <see cref="Arrivals.Poisson"/> gaps so a run can be repeated exactly; unused for
    /// <see cref="Arrivals.Uniform"/>.</param>
    public ArrivalSchedule(LoadShape shape, Arrivals arrivals, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _shape = shape;
        _end = shape.Duration;
        _random = arrivals switch
        {
            Arrivals.Uniform => null,

            // Reproducibility, not unpredictability, is the point: the same seed must give the same run.
#pragma warning disable CA5394 // Do not use insecure randomness
            Arrivals.Poisson => new Random(seed),
#pragma warning restore CA5394
            _ => throw new ArgumentOutOfRangeException(nameof(arrivals), arrivals, "Unknown arrival spread."),
        };
    }

    /// <summary>
    /// Yields the next intended arrival as an offset from the shape's start; <see langword="false"/> once the next one
    /// would fall at or after <see cref="LoadShape.Duration"/>, and from then on.
    /// </summary>
    public bool TryNext(out TimeSpan offset)
    {
        if (!_finished)
        {
            var cumulative = _random is null ? _count : _cumulative + NextExponential(_random);
            var next = cumulative <= 0 ? _shape.ActiveFrom : _shape.TimeOfCumulative(cumulative);
            if (next is { } value && value < _end)
            {
                _count++;
                _cumulative = cumulative;

                // Rounding to ticks near a segment boundary could in principle step back by one tick; intended
                // times must never go backwards.
                if (value > _previous)
                {
                    _previous = value;
                }

                offset = _previous;
                return true;
            }

            _finished = true;
        }

        offset = default;
        return false;
    }

    /// <summary>An Exp(1) sample by inversion; 1 − U lies in (0, 1], so the logarithm is finite.</summary>
    private static double NextExponential(Random random)
    {
#pragma warning disable CA5394 // Do not use insecure randomness: see the constructor.
        return -Math.Log(1 - random.NextDouble());
#pragma warning restore CA5394
    }
}

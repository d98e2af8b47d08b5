// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Latencies;

/// <summary>
/// A log-normal distribution from its median and p99: ln(latency) is normal with μ = ln(median) and
/// σ = (ln(p99) − ln(median)) / z₀.₉₉, where z₀.₉₉ ≈ 2.326 is the standard normal's 99th percentile.
/// </summary>
internal sealed class LogNormalLatency : Latency
{
    /// <summary>The standard normal's 99th percentile.</summary>
    private static readonly double Z99 = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.99);

    private readonly TimeSpan _median;
    private readonly TimeSpan _p99;
    private readonly double _mu;
    private readonly double _sigma;

    public LogNormalLatency(TimeSpan median, TimeSpan p99)
    {
        if (median <= TimeSpan.Zero)
        {
            throw new MockDefinitionException("median", $"{Check.Text(median)} is not positive; a log-normal latency needs a median of more than 0");
        }

        if (p99 <= median)
        {
            throw new MockDefinitionException("p99", $"{Check.Text(p99)} is {(p99 == median ? "equal to" : "below")} the median ({Check.Text(median)}); expected p99 above the median (use a constant latency for no spread)");
        }

        _median = median;
        _p99 = p99;
        _mu = Math.Log(median.Ticks);
        _sigma = (Math.Log(p99.Ticks) - _mu) / Z99;
    }

    internal override TimeSpan Sample(Random random) => FromTicks(MathNet.Numerics.Distributions.LogNormal.Sample(random, _mu, _sigma));

    public override string ToString() => $"lognormal median {Check.Text(_median)}, p99 {Check.Text(_p99)}";
}

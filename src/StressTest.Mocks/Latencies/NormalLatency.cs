// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Latencies;

/// <summary>
/// A normal distribution truncated at 0, drawn by inverting its CDF: one uniform draw per sample, mapped into the
/// part of the normal CDF above 0. Rejection sampling would be as exact but would draw a varying number of values,
/// and with a mean near 0 reject half of them.
/// </summary>
internal sealed class NormalLatency : Latency
{
    private readonly TimeSpan _mean;
    private readonly TimeSpan _standardDeviation;
    private readonly double _cdfAtZero;

    public NormalLatency(TimeSpan mean, TimeSpan standardDeviation)
    {
        if (standardDeviation <= TimeSpan.Zero)
        {
            throw new MockDefinitionException("standardDeviation", $"{Check.Text(standardDeviation)} is not positive; expected a standard deviation of more than 0 (use a constant latency for none)");
        }

        _mean = mean;
        _standardDeviation = standardDeviation;
        _cdfAtZero = MathNet.Numerics.Distributions.Normal.CDF(mean.Ticks, standardDeviation.Ticks, 0);
    }

    internal override TimeSpan Sample(Random random)
    {
        var p = _cdfAtZero + (random.NextDouble() * (1 - _cdfAtZero));
        return FromTicks(MathNet.Numerics.Distributions.Normal.InvCDF(_mean.Ticks, _standardDeviation.Ticks, p));
    }

    public override string ToString() => $"normal mean {Check.Text(_mean)}, standard deviation {Check.Text(_standardDeviation)}, truncated at 0";
}

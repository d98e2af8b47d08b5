// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using MathNet.Numerics.Distributions;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Latencies;

/// <summary>Evenly spread between min and max (MathNet's continuous uniform).</summary>
internal sealed class UniformLatency : Latency
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;

    public UniformLatency(TimeSpan min, TimeSpan max)
    {
        if (max < min)
        {
            throw new MockDefinitionException("max", $"{Check.Text(max)} is below min ({Check.Text(min)}); expected max of at least min");
        }

        _min = min;
        _max = max;
    }

    internal override TimeSpan Sample(Random random) =>
        _min == _max ? _min : FromTicks(ContinuousUniform.Sample(random, _min.Ticks, _max.Ticks));

    public override string ToString() => $"uniform {Check.Text(_min)} to {Check.Text(_max)}";
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Latencies;

/// <summary>Always the same latency; draws nothing from the random sequence.</summary>
internal sealed class ConstantLatency(TimeSpan value) : Latency
{
    internal override TimeSpan Sample(Random random) => value;

    public override string ToString() => "constant " + Check.Text(value);
}

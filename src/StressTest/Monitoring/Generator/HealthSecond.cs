// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>One interval of the measured window as the generator verdict sees it: where it lies (seconds from the
/// window's start) and the generator's health in it (null when it was not sampled).</summary>
internal sealed record HealthSecond(double StartSeconds, double EndSeconds, GeneratorHealth? Health);

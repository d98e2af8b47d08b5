// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Benchmarks.Targets;

namespace StressTest.Benchmarks.LoadModels;

/// <summary>Command line of the memory benchmark:
/// <c>[--short 20] [--long 120] [--rate 10000] [--methods NoopAsync,Delay5Ms] [--repeat 1] [--wait-idle 0]</c>.</summary>
/// <param name="ShortSeconds">Duration of the short run.</param>
/// <param name="LongSeconds">Duration of the long run.</param>
/// <param name="Rate">Arrivals per second of both.</param>
/// <param name="Methods">The <see cref="OpenTargets"/> methods to run.</param>
/// <param name="Repeat">Pairs of runs per method; the ratio uses the medians.</param>
/// <param name="WaitIdleSeconds">Before each run, wait up to this long for the rest of the machine to be idle.</param>
internal sealed record MemoryOptions(double ShortSeconds, double LongSeconds, double Rate, IReadOnlyList<string> Methods, int Repeat, double WaitIdleSeconds);

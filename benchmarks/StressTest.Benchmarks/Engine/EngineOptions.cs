// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Engine;

/// <summary>Command line of the engine and open-model benchmarks: <c>[--seconds 5] [--warmup 1] [--repeat 3] [--wait-idle 0]</c>
/// (the open-model benchmark measures 10 s by default).</summary>
/// <param name="Seconds">Measured Duration of each run.</param>
/// <param name="WarmUpSeconds">WarmUp of each run: lets tiered JIT and on-stack replacement finish before measuring.</param>
/// <param name="Repeat">Runs per case; the table shows the median.</param>
/// <param name="WaitIdleSeconds">Before each run, wait up to this long for the rest of the machine to fall below
/// <see cref="BenchmarkKit.IdleOtherCores"/>, and run again (up to 3 times) a run that other processes disturbed anyway; 0 does
/// neither. On a shared machine a concurrent build halves a Concurrency 2 run.</param>
internal sealed record EngineOptions(double Seconds, double WarmUpSeconds, int Repeat, double WaitIdleSeconds);

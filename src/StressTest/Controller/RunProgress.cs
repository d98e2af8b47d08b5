// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Evaluation;

namespace StressTest.Controller;

/// <summary>A running test after one more interval: everything measured so far, and the latency of the window since
/// the previous progress line (taken only when <see cref="TakeWindow"/> is called).</summary>
/// <param name="SoFar">Everything measured so far, as the final result would show it.</param>
/// <param name="TakeWindow">Latency since the last call, then a new window.</param>
internal sealed record RunProgress(StressRunResult SoFar, Func<LatencySummary> TakeWindow)
{
    /// <summary>A second of the automatic warm-up, rehearsing the per-second work: nothing in it is measured, and a
    /// progress line is composed but not shown (so its code too is compiled before measuring starts).</summary>
    public bool Rehearsal { get; init; }
}

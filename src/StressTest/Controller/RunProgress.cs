// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Evaluation;

namespace StressTest.Controller;

/// <summary>A running test after one more interval: everything measured so far, and the latency of the window since
/// the previous progress line (taken only when <see cref="TakeWindow"/> is called).</summary>
/// <param name="SoFar">Everything measured so far, as the final result would show it.</param>
/// <param name="TakeWindow">Latency since the last call, then a new window.</param>
internal sealed record RunProgress(StressRunResult SoFar, Func<LatencySummary> TakeWindow);

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>What a probe threshold takes of a probe's samples over the measured window.</summary>
internal enum ProbeStatistic
{
    Min,
    Max,
    Mean,
    Last,
}

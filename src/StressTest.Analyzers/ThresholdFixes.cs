// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Analyzers;

/// <summary>Whether a suggested <c>[Threshold]</c> expression would be accepted, by the same ThresholdParser that
/// rejected the original, and which units to try after a bare latency.</summary>
internal static class ThresholdFixes
{
    /// <summary>Latency limits are usually milliseconds.</summary>
    public static readonly IReadOnlyList<string> Units = ["ms", "s"];

    public static bool IsValid(string candidate, string? step) => ThresholdParser.Parse(candidate, step).IsSuccess;
}

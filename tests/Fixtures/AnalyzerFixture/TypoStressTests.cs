// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace AnalyzerFixture;

/// <summary>A typo the analyzer flags while typing (STRESS105) and the runtime fails the test for, beside a valid
/// test that passes.</summary>
public sealed class TypoStressTests
{
    [StressTest(Duration = "300ms")]
    [Threshold("p95 < 150 parsecs")]
    public static void Typo()
    {
    }

    [StressTest(Duration = "300ms")]
    [Threshold("count > 10")]
    public static void Valid()
    {
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace LoadModelFixture;

/// <summary>
/// One invalid load-model value or combination per test. Each must fail on its own, before any load runs, with a
/// message naming the attribute and the value; the valid tests of this fixture must still pass.
/// </summary>
public sealed class BadLoadModelStressTests
{
    [StressTest(Rate = 0, Duration = "300ms")]
    public static void RateZero()
    {
    }

    [StressTest(Rate = 100, Concurrency = 4, Duration = "300ms")]
    public static void RateWithConcurrency()
    {
    }

    [StressTest(Pacing = "100ms", Duration = "300ms")]
    public static void PacingWithoutConcurrency()
    {
    }

    [StressTest(Stages = "30s 100")]
    public static void StagesWithoutColon()
    {
    }

    [StressTest(Stages = "1s:2", Duration = "1s")]
    public static void StagesWithDuration()
    {
    }

    [StressTest(Rate = 100, MaxConcurrency = 0, Duration = "300ms")]
    public static void MaxConcurrencyZero()
    {
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace BadInputFixture;

/// <summary>
/// One invalid attribute value per test. Each must fail on its own with a message naming the attribute, the bad
/// value and what was expected, and must not keep the valid test from passing.
/// </summary>
public sealed class BadAttributeStressTests
{
    [StressTest(Duration = "abc")]
    public static void DurationNotADuration()
    {
    }

    [StressTest(Duration = "0s")]
    public static void DurationZero()
    {
    }

    [StressTest(Duration = "-1s")]
    public static void DurationNegative()
    {
    }

    [StressTest(Duration = "300ms", WarmUp = "x")]
    public static void WarmUpNotADuration()
    {
    }

    [StressTest(Duration = "300ms", Timeout = "0ms")]
    public static void TimeoutZero()
    {
    }

    [StressTest(Duration = "300ms", Concurrency = 0)]
    public static void ConcurrencyZero()
    {
    }

    [StressTest(Duration = "300ms", Concurrency = 20000)]
    public static void ConcurrencyTooHigh()
    {
    }

    [StressTest(Duration = "300ms")]
    [Threshold("p42x < 5ms")]
    public static void ThresholdUnknownMetric()
    {
    }

    [StressTest(Duration = "300ms")]
    [Threshold("p95 < 10 parsecs")]
    public static void ThresholdUnknownUnit()
    {
    }

    [StressTest(Duration = "300ms")]
    [Threshold("p95 = 5ms")]
    public static void ThresholdEqualsOperator()
    {
    }

    [StressTest(Duration = "300ms")]
    [Threshold("p95 <")]
    public static void ThresholdMissingValue()
    {
    }

    /// <summary>Returns a value and takes a string: neither is a supported shape.</summary>
    [StressTest(Duration = "300ms")]
    public static int UnsupportedSignature(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Length;
    }

    /// <summary>async void: nothing can await it (issue 16). The analyzer's STRESS109 is silenced here; the runtime
    /// still refuses it before any load, instead of "passing" or crashing the test host.</summary>
#pragma warning disable STRESS109
    [StressTest(Duration = "300ms")]
    public static async void AsyncVoid()
#pragma warning restore STRESS109
    {
        await Task.Yield();
        throw new InvalidOperationException("async void boom");
    }

    /// <summary>The one valid test here: passes whatever its neighbours do.</summary>
    [StressTest(Duration = "300ms")]
    [Threshold("count > 10")]
    public static void ValidStillPasses()
    {
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace GatesFixture;

/// <summary>Profiles and bad relative thresholds: a test that only runs in the nightly profile, and two thresholds
/// whose arithmetic is wrong.</summary>
public sealed class ProfileStressTests
{
    /// <summary>Skipped unless the run's profile is nightly.</summary>
    [StressTest(Duration = "1s", Profiles = "nightly")]
    public static void NightlyOnly()
    {
    }

    /// <summary>Fails: "parsecs" is not a unit of latency.</summary>
    [StressTest(Duration = "1s")]
    [Threshold("p95 < baseline + 10 parsecs")]
    public static void BadUnit()
    {
    }

    /// <summary>Fails: nothing after the '+', and a negative factor.</summary>
    [StressTest(Duration = "1s")]
    [Threshold("p95 < baseline + ")]
    [Threshold("p99 < baseline * -1")]
    public static void BadArithmetic()
    {
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace BasicFixture;

/// <summary>Setup runs before the load and teardown after it; both leave a marker file.</summary>
public sealed class LifecycleStressTests
{
    private static volatile bool _setUp;

    [StressSetup]
    public static void Setup()
    {
        _setUp = true;
        Markers.Write("LifecycleStressTests.setup");
    }

    [StressTeardown]
    public static async Task TeardownAsync()
    {
        await Task.Yield();
        _setUp = false;
        Markers.Write("LifecycleStressTests.teardown");
    }

    /// <summary>Passes only if setup ran first (otherwise every invocation throws).</summary>
    [StressTest(Duration = "300ms")]
    public static void NeedsSetup()
    {
        if (!_setUp)
        {
            throw new InvalidOperationException("[StressSetup] did not run before the load.");
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace CancelFixture;

/// <summary>A long test for the end-to-end cancel test: it is cancelled long before its 30 s are up.</summary>
public sealed class CancelStressTests
{
    [StressSetup]
    public static void Setup()
    {
        Markers.Write("CancelStressTests.setup");
    }

    [StressTeardown]
    public static void Teardown()
    {
        Markers.Write("CancelStressTests.teardown");
    }

    /// <summary>Would run for 30 s; each invocation waits 5 ms so a cancelled run has measured something (no warm-up:
    /// the cancel comes a second after setup, and must find the measured window open).</summary>
    [StressTest(Duration = "30s", Concurrency = 2, WarmUp = "0s")]
    public static async Task RunsLong(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, ct);
    }
}

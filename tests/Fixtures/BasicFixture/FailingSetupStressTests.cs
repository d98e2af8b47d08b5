// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace BasicFixture;

/// <summary>A setup that throws: the test fails with the setup's exception, no load runs, teardown still runs.</summary>
public sealed class FailingSetupStressTests
{
    [StressSetup]
    public static void Setup()
    {
        Markers.Write("FailingSetupStressTests.setup");
        throw new InvalidOperationException("setup failed on purpose");
    }

    [StressTeardown]
    public static void Teardown()
    {
        Markers.Write("FailingSetupStressTests.teardown");
    }

    /// <summary>Never invoked: its setup fails. Writes a marker if it were.</summary>
    [StressTest(Duration = "300ms")]
    public static void AfterFailingSetup()
    {
        Markers.Write("FailingSetupStressTests.invoked");
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace HostileFixture;

/// <summary>
/// Tests that end the test host (items 3 and 4 of issue 16), each run on its own by the end-to-end tests (category
/// filters): a passing test first, then one that crashes the host in the way the environment variable
/// <c>STRESSTEST_E2E_CRASH</c> names (<c>failfast</c>, <c>exit</c>, <c>stackoverflow</c>).
/// </summary>
public static class CrashStressTests
{
    [StressTest(WarmUp = "0s", Duration = "1s", Category = "Crash")]
    public static void BeforeTheCrash()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s", Category = "Crash")]
    public static void CrashesTheHost()
    {
        switch (Environment.GetEnvironmentVariable("STRESSTEST_E2E_CRASH"))
        {
            case "failfast":
                Environment.FailFast("hostile fixture: fail fast");
                break;
            case "exit":
                Environment.Exit(3);
                break;
            case "stackoverflow":
                Recurse(0);
                break;
        }
    }

    private static int Recurse(int depth) => Recurse(depth + 1) + 1;
}

/// <summary>A long test the signal tests interrupt: its setup and teardown leave markers.</summary>
public static class SignalStressTests
{
    [StressSetup]
    public static void Setup() => Markers.Write("Signal.setup");

    [StressTeardown]
    public static void Teardown() => Markers.Write("Signal.teardown");

    [StressTest(WarmUp = "0s", Duration = "60s", Concurrency = 2, Category = "Signal")]
    public static Task RunsUntilSignalled(CancellationToken ct) => Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, ct);
}

/// <summary>Run with a BaseUrl setting (item 9 of issue 16): setup sees it, and is told when it sets another.</summary>
public static class BaseUrlStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => Markers.Write("BaseUrl.setup " + Uri.EscapeDataString(setup.BaseAddress?.ToString() ?? "none"));

    [StressTest(WarmUp = "0s", Duration = "1s", Category = "Settings")]
    public static void SetupSeesBaseUrl()
    {
    }
}

/// <summary>A setup that sets its own base address while the BaseUrl setting gives one: the setting wins, with a warning.</summary>
public static class BaseUrlOverriddenStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.BaseAddress = new Uri("http://127.0.0.1:8/");

    [StressTest(WarmUp = "0s", Duration = "1s", Category = "Settings")]
    public static void SetupSetsAnotherBaseUrl()
    {
    }
}

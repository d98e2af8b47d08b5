// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Targets;

/// <summary>The <c>mock</c> benchmark's stress test: one GET to the mock server the benchmark started. The benchmark
/// sets Rate, Duration and WarmUp per run.</summary>
public static class MockTargets
{
    /// <summary>The running mock server, set by the benchmark before each run.</summary>
    public static Uri? Address { get; set; }

    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.BaseAddress = Address;

    [StressTest(Rate = 1000, MaxConcurrency = 5000, Duration = "30s", WarmUp = "2s", Timeout = "30s")]
    public static async Task GetLatency(StressContext context, CancellationToken cancellationToken)
    {
        using var response = await context.Http.GetAsync("latency", cancellationToken);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Targets;

/// <summary>
/// Open-model stress tests for the <c>open</c> and <c>memory</c> benchmarks. Both are asynchronous in shape, so the
/// open model starts them on its pacer thread and leaves them running (a <c>void</c> method would get a thread per
/// slot instead). The benchmarks override Rate, MaxConcurrency, Duration and WarmUp per run.
/// </summary>
public static class OpenTargets
{
    /// <summary>Completes at once: what is left is the pacer's own accuracy and cost.</summary>
    [StressTest(Rate = 1000, MaxConcurrency = 5000, Duration = "10s", WarmUp = "1s")]
    public static ValueTask NoopAsync() => default;

    /// <summary>Waits 5 ms on a timer: invocations overlap (≈ rate × 5–8 ms in flight) and complete on timer threads.</summary>
    [StressTest(Rate = 1000, MaxConcurrency = 5000, Duration = "10s", WarmUp = "1s")]
    public static Task Delay5Ms(CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, cancellationToken);
}

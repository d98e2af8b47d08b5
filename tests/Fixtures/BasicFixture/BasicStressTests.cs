// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace BasicFixture;

/// <summary>
/// The everyday shapes of a stress test, each with a known verdict. Durations are short: the end-to-end suite runs
/// this whole class several times.
/// </summary>
public sealed class BasicStressTests
{
    /// <summary>Passes: a synchronous no-op easily makes more than 10 invocations in 300 ms.</summary>
    [StressTest(Duration = "300ms")]
    [Threshold("count > 10")]
    public static void SyncNoOp()
    {
    }

    /// <summary>Passes, with a known latency: the median of a 20 ms delay is 20 ms and a little.</summary>
    [StressTest(Duration = "1.5s")]
    [Threshold("p50 < 1s")]
    public static async Task AsyncDelay20(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, ct);
    }

    /// <summary>Fails its threshold: nothing that waits 2 ms has a p95 under a microsecond.</summary>
    [StressTest(Duration = "500ms")]
    [Threshold("p95 < 1us")]
    public static async Task ThresholdMissed(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, ct);
    }

    /// <summary>Fails: every invocation throws, and by default any error fails the test.</summary>
    [StressTest(Duration = "300ms")]
    public static void AlwaysThrows()
    {
        throw new InvalidOperationException("boom");
    }

    /// <summary>Passes; the only test in category Smoke.</summary>
    [StressTest(Duration = "300ms", Category = "Smoke")]
    public static void SmokeNoOp()
    {
    }

    /// <summary>Passes; shown under its display name.</summary>
    [StressTest(Duration = "300ms", DisplayName = "Named stress test")]
    public static void WithDisplayName()
    {
    }
}

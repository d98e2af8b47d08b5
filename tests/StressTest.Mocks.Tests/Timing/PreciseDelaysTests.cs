// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Timing;

namespace StressTest.Mocks.Tests.Timing;

/// <summary>The real-clock delays: every delay completes, none before its time (less the half millisecond the
/// scheduler rounds to), cancellation works. How late they end is the benchmark's business, not a test's.</summary>
[TestClass]
public sealed class PreciseDelaysTests
{
    [TestMethod]
    public async Task DelayAsync_ManyConcurrent_AllCompleteAndNoneEarly()
    {
        var delays = Delays.For(TimeProvider.System);
        var random = new Random(1);
        var started = TimeProvider.System.GetTimestamp();
        var waits = Enumerable.Range(0, 2000).Select(_ => TimeSpan.FromMilliseconds(random.Next(1, 50))).ToArray();

        var ends = await Task.WhenAll(waits.Select(async wait =>
        {
            await delays.DelayAsync(wait, CancellationToken.None);
            return TimeProvider.System.GetElapsedTime(started);
        })).WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < waits.Length; i++)
        {
            Assert.IsGreaterThanOrEqualTo(waits[i] - TimeSpan.FromMilliseconds(0.5), ends[i]);
        }
    }

    [TestMethod]
    public async Task DelayAsync_Cancelled_EndsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = Delays.For(TimeProvider.System).DelayAsync(TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}

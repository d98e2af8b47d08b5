// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace LoadModelFixture;

/// <summary>
/// The same stalling "server" under both load models. Every call that starts in the second second after the
/// test's first call takes 1 s; every other call takes 2 ms (a few ms with timer granularity). The open model
/// keeps sending 100 calls per second into the stall, so about a quarter of its latencies are over a second; the
/// closed model's single worker waits for the one slow call and sends nothing meanwhile, so the stall is one call
/// among hundreds (coordinated omission) and hides below p99.
/// </summary>
public sealed class StallStressTests
{
    private static readonly MidRunStall OpenStall = new();
    private static readonly MidRunStall ClosedStall = new();

    /// <summary>Passes (no errors); its report shows the stall: p99 over 900 ms. No warm-up: the stall is timed from
    /// the first call, which must be a measured one.</summary>
    [StressTest(Rate = 100, Duration = "4s", MaxConcurrency = 500, WarmUp = "0s")]
    public static Task OpenModelStall(CancellationToken ct) => OpenStall.CallAsync(ct);

    /// <summary>Passes; its report hides the stall: p99 far below 900 ms, although max is over a second.</summary>
    [StressTest(Concurrency = 1, Duration = "4s", WarmUp = "0s")]
    public static Task ClosedModelStall(CancellationToken ct) => ClosedStall.CallAsync(ct);

    /// <summary>One stalling server per test, timed from that test's first call.</summary>
    private sealed class MidRunStall
    {
        private static readonly TimeSpan StallFrom = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan StallUntil = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan Stall = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Normal = TimeSpan.FromMilliseconds(2);

        private long _firstCall;

        public async Task CallAsync(CancellationToken ct)
        {
            var now = TimeProvider.System.GetTimestamp();
            var first = Interlocked.CompareExchange(ref _firstCall, now, 0);
            if (first == 0)
            {
                first = now;
            }

            var sinceFirst = TimeProvider.System.GetElapsedTime(first, now);
            if (sinceFirst < StallFrom || sinceFirst >= StallUntil)
            {
                await Task.Delay(Normal, TimeProvider.System, ct);
                return;
            }

            // A stalled call lasts a full second. Timers on a coarse clock may fire a few ms early, and a stalled
            // call that ended before StallUntil would make the closed model's next call stall too.
            for (var left = Stall; left > TimeSpan.Zero; left = Stall - TimeProvider.System.GetElapsedTime(now))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), TimeProvider.System, ct);
            }
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest;

namespace GatesFixture;

/// <summary>
/// A "checkout" whose speed the end-to-end test chooses: it waits <c>STRESSTEST_E2E_DELAY_MS</c> milliseconds
/// (default 100), so one run records the baseline, a run at 140 ms is 40 % slower, and a run at 100 ms is unchanged.
/// </summary>
/// <remarks>
/// Built to give the same verdicts on a 2-core machine that other builds keep busy: a wait rather than CPU work, long
/// enough that a few milliseconds of scheduling delay are small beside it, and the median, which a disturbed second
/// of the run moves far less than p95 (the unit tests prove the method on p95 with synthetic data).
/// </remarks>
public sealed class GatedStressTests
{
    public const string DelayVariable = "STRESSTEST_E2E_DELAY_MS";

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(
        double.TryParse(Environment.GetEnvironmentVariable(DelayVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : 100);

    /// <summary>
    /// 7 measured seconds: the comparison works on per-second values, and with 7 against 7 the 95 % interval still
    /// holds when one second of either run is disturbed (it cuts 9 of the 49 pairwise differences from each end; one
    /// odd second spoils 7).
    /// </summary>
    [StressTest(Concurrency = 4, Duration = "7s", WarmUp = "1s")]
    [Threshold("p50 < baseline + 10%")]
    public static async Task Checkout(CancellationToken ct)
    {
        await Task.Delay(Delay, TimeProvider.System, ct);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// The nightly regression gate: a longer run at a steady rate, judged against the baseline recorded on the main
/// branch (<c>stress-baselines/nightly/</c>, written by a run with <c>StressTest.UpdateBaselines=true</c>). It runs
/// only with <c>--settings nightly.runsettings</c>; a plain <c>dotnet test</c> reports it as skipped.
/// </summary>
public sealed class NightlyStressTests : ShopStressTests
{
    /// <summary>
    /// "No worse than the baseline by more than 10 %", noise-aware: a p95 past the limit fails only when the whole
    /// 95 % interval of the per-second change is past it too. 30 seconds give 30 per-second values per run, enough
    /// to tell a 10 % slowdown from a noisy machine. The absolute thresholds still catch disasters on a machine
    /// without a baseline yet (which passes the relative ones with a warning).
    /// </summary>
    [StressTest(Rate = 300, Duration = "30s", WarmUp = "3s", MaxConcurrency = 100, Timeout = "2s", Category = "Catalog", Profiles = "nightly")]
    [Threshold("p95 < 250ms")]
    [Threshold("dropped == 0")]
    [Threshold("p95 < baseline + 10%")]
    [Threshold("p99 < baseline + 20%")]
    [Threshold("error_rate <= baseline + 0.1%")]
    public static async Task ProductPagesNightly(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync($"products/{(ctx.Iteration % 50) + 1}", ct);
        response.EnsureSuccessStatusCode();
    }
}

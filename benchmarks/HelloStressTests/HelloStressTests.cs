// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HelloStressTests;

/// <summary>What a new user writes first: 64 workers, 10 seconds, no WarmUp, against the server BaseUrl names.</summary>
public sealed class HelloStressTests
{
    [StressTest(Concurrency = 64, Duration = "10s")]
    public static async Task GetHello(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync("/", ct);
        response.EnsureSuccessStatusCode();
    }
}

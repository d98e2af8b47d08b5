// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HostileFixture;

/// <summary>A relative request without any base address (item 8 of issue 16): the run stops at once naming the fix.</summary>
public static class NoBaseAddressStressTests
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async Task MissingBaseAddress(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync("products/1", ct);
    }
}

/// <summary>Random slugs (item 10 of issue 16): the endpoint is named by the route's shape, the same in every run.</summary>
public static class RandomSlugStressTests
{
    [StressSetup]
    public static async Task Setup(StressSetupContext setup, CancellationToken ct) => setup.BaseAddress = await HostileApi.StartAsync(ct);

    /// <summary>Thirty articles an invocation, each under a new random slug: even a run of one invocation sends more
    /// different values than a route has words.</summary>
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async Task RandomSlugs(StressContext ctx, CancellationToken ct)
    {
        for (var i = 0; i < 30; i++)
        {
            using var response = await ctx.Http.GetAsync($"api/articles/{Slug()}", ct);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Random words, some of which look like ids and some not: what made the names differ between runs.</summary>
    private static string Slug()
    {
        var words = new[] { "how", "to", "bake", "bread", "in", "winter", "x7k2", "q9z", "2024" };
        return string.Join("-", Enumerable.Range(0, 3).Select(_ => words[Random.Shared.Next(words.Length)])) + "-" + Guid.NewGuid().ToString("N")[..Random.Shared.Next(2, 12)];
    }
}

/// <summary>Fewer random values than the learner needs: the routes the test gives name them.</summary>
public static class NamedRouteStressTests
{
    [StressSetup]
    public static async Task Setup(StressSetupContext setup, CancellationToken ct)
    {
        setup.BaseAddress = await HostileApi.StartAsync(ct);
        setup.NameEndpoints("GET /api/users/{name}");
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async Task NamedRoutes(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync($"api/users/{(char)('a' + (ctx.Iteration % 3))}-{Guid.NewGuid():N}", ct);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>A malformed route fails the setup that gave it, naming it.</summary>
public static class BadRouteStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.NameEndpoints("api/users/{name}");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void BadRoute()
    {
    }
}

/// <summary>Requests to a host that is neither loopback nor allowed: refused, the test fails (already well behaved).</summary>
public static class HostGuardStressTests
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async Task HostNotAllowed(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync("http://api.example.invalid/", ct);
    }
}

/// <summary>A server answering 500: errors of kind HTTP 500 (already well behaved).</summary>
public static class ServerErrorStressTests
{
    [StressSetup]
    public static async Task Setup(StressSetupContext setup, CancellationToken ct) => setup.BaseAddress = await HostileApi.StartAsync(ct);

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async Task ServerAnswers500(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync("fail", ct);
    }
}

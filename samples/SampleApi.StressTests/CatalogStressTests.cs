// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;
using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// Read traffic against the catalog. The test methods are static: they keep no state of their own and share the
/// API started by <see cref="ShopStressTests"/> and send requests with the run's <see cref="StressContext.Http"/>.
/// </summary>
/// <remarks>
/// Thresholds are set for a 2-core CI machine on which the load generator and the API share the CPU and the build
/// is Debug: loose enough never to flake there, tight enough to catch a real regression (an accidental lock, a
/// synchronous wait, a lost cache). Measured there with a bare loop: the cheap endpoints answer in 0.15 ms at the
/// median (p99 0.3 ms) at about 25,000 requests per second with 4 workers; recommendations in 21 ms (p95 25 ms).
/// </remarks>
public sealed class CatalogStressTests : ShopStressTests
{
    /// <summary>
    /// Smoke test: the cheapest request there is. Proves the whole chain works (adapter, API, client) and gives the
    /// ceiling the other tests are measured against. Run only these with <c>--filter Category=Smoke</c>.
    /// </summary>
    [StressTest(Duration = "1s", WarmUp = "500ms", Concurrency = 4, Category = "Smoke")]
    [Threshold("p95 < 250ms")]
    [Threshold("rps > 1000")]
    public static async Task Health(StressContext ctx, CancellationToken ct)
    {
        // A non-success status must throw: only an exception counts as an error (and by default any error fails).
        using var response = await ctx.Http.GetAsync("health", ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Product pages: every worker walks the 50 products from its own starting point, so the workers do not all
    /// request the same product at the same moment. A wrong product is an error too, not only a wrong status.
    /// </summary>
    [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 4, Category = "Catalog")]
    [Threshold("p95 < 250ms")]
    [Threshold("p99 < 1s")]
    [Threshold("rps > 500")]
    public static async Task GetProduct(StressContext ctx, CancellationToken ct)
    {
        var id = ProductIdFor(ctx);
        using var response = await ctx.Http.GetAsync($"products/{id}", ct);
        response.EnsureSuccessStatusCode();
        var product = await response.Content.ReadFromJsonAsync<Product>(ct);
        if (product?.Id != id)
        {
            var got = product is null ? "an empty body" : $"product {product.Id}";
            throw new InvalidOperationException($"Asked for product {id}, got {got}.");
        }
    }

    /// <summary>
    /// An I/O-bound endpoint: each request waits 20 ms on a (simulated) downstream service. The median shows that
    /// wait plus little else; more workers buy throughput, because waiting costs no CPU. A synchronous wait
    /// slipped into the endpoint would starve the thread pool and break p95 and rps long before p50.
    /// </summary>
    [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 8, Timeout = "2s", Category = "Catalog",
        DisplayName = "Recommendations (20 ms downstream)")]
    [Threshold("p50 < 40ms")]
    [Threshold("p95 < 250ms")]
    [Threshold("rps > 150")] // 8 workers x one request per 20 ms = 400 at best
    public static async Task Recommendations(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync($"products/{ProductIdFor(ctx)}/recommendations", ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The same endpoint under the open model: 200 requests per second arrive on schedule whatever the API is doing,
    /// and each is measured from when it should have started, so a stall in the API shows in p99 instead of quietly
    /// slowing the load down (coordinated omission). With 20 ms per request about 4 are in flight; were the API to
    /// stall, arrivals beyond MaxConcurrency would be dropped and counted, and <c>dropped == 0</c> would fail.
    /// </summary>
    [StressTest(Rate = 200, Duration = "2s", WarmUp = "500ms", MaxConcurrency = 100, Timeout = "2s", Category = "Catalog",
        DisplayName = "Recommendations at 200/s (open model)")]
    [Threshold("p99 < 500ms")]
    [Threshold("dropped == 0")]
    [Threshold("rps >= 198")]
    public static async Task RecommendationsAtFixedRate(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync($"products/{ProductIdFor(ctx)}/recommendations", ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>1 to 50: worker (or slot) w starts at product 7w + 1 and moves on by one product per iteration.</summary>
    private static int ProductIdFor(StressContext ctx) => (int)(((ctx.WorkerId * 7L) + ctx.Iteration) % 50) + 1;
}

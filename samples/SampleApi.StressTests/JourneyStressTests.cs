// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// A shopper's journey, timed step by step: browse the catalogue, look at a product, order it, read the order back.
/// Each step gets its own histogram and its own thresholds; every request is also measured per endpoint
/// (<c>GET /products/{id}</c>, ids collapsed) without any timing code here.
/// </summary>
public sealed class JourneyStressTests : ShopStressTests
{
    private Random? _random;

    /// <summary>
    /// Soft checks (<see cref="StressContext.Check"/>) are counted and keep the journey going; a failed check makes
    /// the invocation count against <c>checks</c>, not against <c>error_rate</c>. A status the API should never send
    /// needs no code at all: any response outside 2xx already makes the invocation an error.
    /// </summary>
    [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 4, Timeout = "2s", Category = "Checkout")]
    [Threshold("p95 < 250ms", Step = "browse")]
    [Threshold("p95 < 250ms", Step = "order")]
    [Threshold("p99 < 1s")]
    [Threshold("checks > 99%")]
    public async Task BrowseAndOrder(StressContext ctx, CancellationToken ct)
    {
        _random ??= new Random(ctx.WorkerId);

        var products = await ctx.Step("browse", () => ctx.Http.GetFromJsonAsync<Product[]>("products", ct));
        if (!ctx.Check(products is { Length: > 0 }, "catalogue is not empty"))
        {
            return;
        }

        var chosen = products![_random.Next(products.Length)];
        var product = await ctx.Step("view", () => ctx.Http.GetFromJsonAsync<Product>($"products/{chosen.Id}", ct));
        ctx.Check(product?.Price == chosen.Price, "price is stable");

        var order = await ctx.Step("order", async () =>
        {
            using var response = await ctx.Http.PostAsJsonAsync("orders", new OrderRequest(chosen.Id, _random.Next(1, 4), Reference: ctx.UniqueId), ct);
            ctx.Check(response.StatusCode == HttpStatusCode.Created, "order is created");
            return await response.Content.ReadFromJsonAsync<Order>(ct);
        });

        await ctx.Step("confirm", async () =>
        {
            var placed = await ctx.Http.GetFromJsonAsync<Order>($"orders/{order!.Id}", ct);
            ctx.Check(placed?.Total == order.Total, "order reads back");
        });
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;

namespace StressTest.Fixtures;

/// <summary>Tests that pass: a journey with steps, checks and per-step thresholds; a lookup test that accepts 404;
/// a 100 MB body the method never reads.</summary>
public class HttpStressTests
{
    [StressSetup]
    public static async Task StartApiAsync(StressSetupContext setup, CancellationToken cancellationToken) =>
        setup.BaseAddress = await FixtureApi.StartAsync(cancellationToken);

    [StressTest(Duration = "2s", WarmUp = "200ms", Concurrency = 4)]
    [Threshold("p99 < 2s", Step = "list")]
    [Threshold("count > 10", Step = "create")]
    [Threshold("checks == 100%")]
    public async Task Journey(StressContext ctx)
    {
        var products = await ctx.Step("list", () => ctx.Http.GetFromJsonAsync<Product[]>("products", ctx.CancellationToken));
        ctx.Check(products is { Length: 5 }, "five products");
        var id = (int)(ctx.Iteration % 5) + 1;
        await ctx.Step("get", async () =>
        {
            using var response = await ctx.Http.GetAsync(new Uri($"products/{id}", UriKind.Relative), ctx.CancellationToken);
            Assert.AreEqual(200, (int)response.StatusCode, "product lookup");
        });
        await ctx.Step("create", async () =>
        {
            using var response = await ctx.Http.PostAsJsonAsync("orders", new { productId = id, quantity = 1 }, ctx.CancellationToken);
            ctx.Check(response.StatusCode == System.Net.HttpStatusCode.Created, "order created");
        });
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2, AcceptStatus = "2xx, 404")]
    public async Task LookupAcceptsNotFound(StressContext ctx)
    {
        // Every other id does not exist: 404 is a valid answer here.
        using var response = await ctx.Http.GetAsync(new Uri($"products/{(ctx.Iteration % 2 == 0 ? 7 : 9999)}", UriKind.Relative), ctx.CancellationToken);
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 1)]
    public async Task BigBodyNotRead(StressContext ctx)
    {
        // Headers only: the 100 MB body is never pulled into memory.
        using var response = await ctx.Http.GetAsync(new Uri("big", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken);
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 1)]
    public async Task NamedEndpoint(StressContext ctx)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("products/3", UriKind.Relative));
        request.Options.Set(StressHttp.EndpointName, "product page");
        using var response = await ctx.Http.SendAsync(request, ctx.CancellationToken);
    }

    private sealed record Product(int Id, string Name);
}

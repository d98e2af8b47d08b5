// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>The slot's cache of the last URL's endpoint never puts a request under the wrong name: another method,
/// another URL or a name the test gives each get their own endpoint.</summary>
[TestClass]
public sealed class EndpointResolverTests
{
    [TestMethod]
    public async Task SendAsync_SameUrlOtherMethodOrNamed_EachUnderItsOwnEndpoint()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));

        await slot.InvokeAsync(async ctx =>
        {
            var uri = new Uri("cart", UriKind.Relative);
            using (await ctx.Http.GetAsync(uri))
            using (await ctx.Http.GetAsync(uri))
            using (await ctx.Http.DeleteAsync(uri))
            using (var named = new HttpRequestMessage(HttpMethod.Get, uri))
            {
                named.Options.Set(StressHttp.EndpointName, "GET /cart (named)");
                using (await ctx.Http.SendAsync(named))
                using (await ctx.Http.GetAsync(uri))
                {
                }
            }
        });

        var counts = slot.Harvest().Endpoints.ToDictionary(e => e.Name, e => e.StatusCodes.Sum(c => c.Count));
        Assert.AreEqual(3, counts["GET /cart"]);
        Assert.AreEqual(1, counts["DELETE /cart"]);
        Assert.AreEqual(1, counts["GET /cart (named)"]);
        Assert.HasCount(3, counts);
    }

    [TestMethod]
    public async Task SendAsync_AlternatingUrls_KeepTheirOwnNames()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));

        await slot.InvokeAsync(async ctx =>
        {
            foreach (var path in new[] { "orders/1", "products", "orders/2", "products", "orders/1" })
            {
                using var response = await ctx.Http.GetAsync(new Uri(path, UriKind.Relative));
            }
        });

        var counts = slot.Harvest().Endpoints.ToDictionary(e => e.Name, e => e.StatusCodes.Sum(c => c.Count));
        Assert.AreEqual(3, counts["GET /orders/{id}"]);
        Assert.AreEqual(2, counts["GET /products"]);
        Assert.HasCount(2, counts);
    }

    [TestMethod]
    public void GivenName_RequestWithoutOptions_IsNullAndCreatesNone()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://127.0.0.1/"));

        Assert.IsNull(EndpointResolver.GivenName(request));
        request.Options.Set(StressHttp.EndpointName, "GET /named");
        Assert.AreEqual("GET /named", EndpointResolver.GivenName(request), "the runtime's options field is read (a rename fails here)");
    }
}

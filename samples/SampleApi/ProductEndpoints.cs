// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Http.HttpResults;

namespace SampleApi;

/// <summary>GET /products, GET /products/{id} and GET /products/{id}/recommendations.</summary>
internal static class ProductEndpoints
{
    /// <summary>What the (imaginary) recommendation service takes to answer.</summary>
    private static readonly TimeSpan DownstreamLatency = TimeSpan.FromMilliseconds(20);

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var products = endpoints.MapGroup("/products");
        products.MapGet("/", (Catalog catalog) => TypedResults.Ok(catalog.All));
        products.MapGet("/{id:int}", GetProduct);
        products.MapGet("/{id:int}/recommendations", GetRecommendationsAsync);
        return endpoints;
    }

    private static Results<Ok<Product>, NotFound> GetProduct(int id, Catalog catalog) =>
        catalog.Find(id) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<Product>>, NotFound>> GetRecommendationsAsync(
        int id, Catalog catalog, TimeProvider timeProvider, CancellationToken ct)
    {
        if (catalog.Find(id) is not { } product)
        {
            return TypedResults.NotFound();
        }

        // Stands in for a call to a downstream service: 20 ms of waiting that costs this process no CPU, so the
        // endpoint's latency is dominated by I/O, as most real endpoints' are. The token is the request's: a client
        // that gives up stops the wait.
        await Task.Delay(DownstreamLatency, timeProvider, ct);
        return TypedResults.Ok(catalog.SimilarTo(product, count: 4));
    }
}

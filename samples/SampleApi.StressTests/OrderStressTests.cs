// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;
using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// Write traffic: placing orders. The test method is an instance method, so every worker gets its own instance of
/// this class and its instance fields are per-worker state, used without locks.
/// </summary>
public sealed class OrderStressTests : ShopStressTests
{
    // Random is not thread-safe; one per worker needs no lock. Seeded with the worker's id, so a run that found a
    // problem sends the same sequence of orders when repeated.
    private Random? _random;

    /// <summary>
    /// POST /orders with a JSON body: request serialisation, model binding, validation and a concurrent write per
    /// invocation. The API answers 201 Created with the order; anything else throws and counts as an error.
    /// </summary>
    [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 4, Timeout = "2s", Category = "Checkout")]
    [Threshold("p95 < 250ms")]
    [Threshold("p99 < 1s")]
    [Threshold("rps > 500")]
    public async Task PlaceOrder(StressContext ctx, CancellationToken ct)
    {
        _random ??= new Random(ctx.WorkerId);
        // The reference is unique per invocation and starts with the run id: teardown deletes what the run placed.
        var request = new OrderRequest(ProductId: _random.Next(1, 51), Quantity: _random.Next(1, 6), Reference: ctx.UniqueId);

        using var response = await ctx.Http.PostAsJsonAsync("orders", request, ct);
        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<Order>(ct);
        if (order is null || order.ProductId != request.ProductId || order.Quantity != request.Quantity)
        {
            throw new InvalidOperationException($"Placed {request}, the API answered {order?.ToString() ?? "null"}.");
        }
    }
}

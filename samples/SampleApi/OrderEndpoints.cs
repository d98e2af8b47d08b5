// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Http.HttpResults;

namespace SampleApi;

/// <summary>POST /orders and GET /orders/{id}.</summary>
internal static class OrderEndpoints
{
    public const int MaxQuantity = 100;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/orders", PlaceOrderAsync);
        endpoints.MapGet("/orders/{id:long}", GetOrderAsync).WithName(nameof(GetOrderAsync));
        return endpoints;
    }

    private static async Task<Results<CreatedAtRoute<Order>, ValidationProblem, Conflict>> PlaceOrderAsync(
        OrderRequest request, Catalog catalog, OrderStore orders, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var product = catalog.Find(request.ProductId);
        if (product is null)
        {
            errors["productId"] = [$"No product has id {request.ProductId}."];
        }

        if (request.Quantity is < 1 or > MaxQuantity)
        {
            errors["quantity"] = [$"Quantity must be between 1 and {MaxQuantity}."];
        }

        if (product is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var order = await orders.PlaceAsync(product, request, ct);
        return order is null
            ? TypedResults.Conflict()
            : TypedResults.CreatedAtRoute(order, nameof(GetOrderAsync), new { id = order.Id });
    }

    private static async Task<Results<Ok<Order>, NotFound>> GetOrderAsync(long id, OrderStore orders, CancellationToken ct) =>
        await orders.FindAsync(id, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();
}

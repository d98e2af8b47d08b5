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
        endpoints.MapPost("/orders", PlaceOrder);
        endpoints.MapGet("/orders/{id:long}", GetOrder).WithName(nameof(GetOrder));
        return endpoints;
    }

    private static Results<CreatedAtRoute<Order>, ValidationProblem> PlaceOrder(
        OrderRequest request, Catalog catalog, OrderStore orders)
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

        var order = orders.Place(product, request.Quantity);
        return TypedResults.CreatedAtRoute(order, nameof(GetOrder), new { id = order.Id });
    }

    private static Results<Ok<Order>, NotFound> GetOrder(long id, OrderStore orders) =>
        orders.Find(id) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();
}

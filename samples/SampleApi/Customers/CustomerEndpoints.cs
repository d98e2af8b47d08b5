// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Http.HttpResults;

namespace SampleApi.Customers;

/// <summary>
/// POST /customers · GET /customers/{id} · GET /customers?email= · GET /customers/{id}/orders ·
/// POST /customers/{id}/points · POST /legacy/customers/{id}/points (read-modify-write: see
/// <see cref="CustomerStore.AddPointsReadModifyWriteAsync"/>).
/// </summary>
internal static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/customers");
        customers.MapPost("/", AddAsync);
        customers.MapGet("/{id:long}", GetAsync).WithName("GetCustomer");
        customers.MapGet("/", FindByEmailAsync);
        customers.MapGet("/{id:long}/orders", async (long id, OrderStore orders, CancellationToken ct) => TypedResults.Ok(await orders.OfCustomerAsync(id, ct)));
        customers.MapPost("/{id:long}/points", (long id, PointsRequest request, CustomerStore store, CancellationToken ct) =>
            PointsAsync(() => store.AddPointsAsync(id, request.Points, ct)));
        endpoints.MapPost("/legacy/customers/{id:long}/points", (long id, PointsRequest request, CustomerStore store, CancellationToken ct) =>
            PointsAsync(() => store.AddPointsReadModifyWriteAsync(id, request.Points, ct)));
        return endpoints;
    }

    private static async Task<Results<CreatedAtRoute<Customer>, ValidationProblem, Conflict>> AddAsync(CustomerRequest request, CustomerStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["An email address is required."] });
        }

        var customer = await store.AddAsync(request, ct);
        return customer is null ? TypedResults.Conflict() : TypedResults.CreatedAtRoute(customer, "GetCustomer", new { id = customer.Id });
    }

    private static async Task<Results<Ok<Customer>, NotFound>> GetAsync(long id, CustomerStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();

    private static async Task<Results<Ok<Customer>, NotFound>> FindByEmailAsync(string email, CustomerStore store, CancellationToken ct) =>
        await store.FindByEmailAsync(email, ct) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();

    private static async Task<Results<Ok<PointsRequest>, NotFound>> PointsAsync(Func<Task<long?>> add) =>
        await add() is { } balance ? TypedResults.Ok(new PointsRequest((int)balance)) : TypedResults.NotFound();
}

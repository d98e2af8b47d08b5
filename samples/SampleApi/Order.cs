// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace SampleApi;

/// <summary>The body of POST /orders. <paramref name="Reference"/> is the client's own unique reference for the
/// order (an order number, an idempotency key): a second order with the same reference is refused with 409.</summary>
public sealed record OrderRequest(int ProductId, int Quantity, long? CustomerId = null, string? Reference = null);

/// <summary>A placed order, as POST /orders and GET /orders/{id} return it.</summary>
public sealed record Order(long Id, int ProductId, int Quantity, decimal UnitPrice, decimal Total, DateTimeOffset PlacedAt)
{
    public long? CustomerId { get; init; }

    public string? Reference { get; init; }
}

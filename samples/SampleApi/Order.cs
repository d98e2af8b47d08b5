// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace SampleApi;

/// <summary>The body of POST /orders.</summary>
public sealed record OrderRequest(int ProductId, int Quantity);

/// <summary>A placed order, as POST /orders and GET /orders/{id} return it.</summary>
public sealed record Order(long Id, int ProductId, int Quantity, decimal UnitPrice, decimal Total, DateTimeOffset PlacedAt);

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace SampleApi.Customers;

/// <summary>The body of POST /customers.</summary>
public sealed record CustomerRequest(string Email, string Name, string City);

/// <summary>A customer, as the customer endpoints return it.</summary>
public sealed record Customer(long Id, string Email, string Name, string City, long Points);

/// <summary>The body of POST /customers/{id}/points.</summary>
public sealed record PointsRequest(int Points);

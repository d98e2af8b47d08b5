// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace SampleApi;

/// <summary>A product of the catalog, as GET /products returns it.</summary>
public sealed record Product(int Id, string Name, string Category, decimal Price);

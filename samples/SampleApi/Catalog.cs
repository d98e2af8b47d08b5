// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Frozen;
using System.Globalization;

namespace SampleApi;

/// <summary>
/// The read-only product catalog: 50 products with ids 1 to 50, seeded deterministically so that every run (and
/// every stress test) sees the same data.
/// </summary>
internal sealed class Catalog
{
    public const int ProductCount = 50;

    private static readonly string[] Categories = ["Books", "Games", "Kitchen", "Garden", "Tools"];
    private static readonly string[] Adjectives = ["Classic", "Compact", "Deluxe", "Rustic", "Smart"];
    private static readonly string[] Nouns = ["Lamp", "Kettle", "Puzzle", "Shovel", "Notebook", "Drill", "Chair", "Atlas", "Planter", "Deck"];

    private readonly FrozenDictionary<int, Product> _byId;

    public Catalog()
    {
        var products = new Product[ProductCount];
        for (var i = 0; i < products.Length; i++)
        {
            var id = i + 1;
            products[i] = new Product(
                id,
                string.Create(CultureInfo.InvariantCulture, $"{Adjectives[i % Adjectives.Length]} {Nouns[i % Nouns.Length]} {id}"),
                Categories[i % Categories.Length],
                4.99m + (i * 37 % 200));
        }

        All = products;
        _byId = products.ToFrozenDictionary(p => p.Id);
    }

    public IReadOnlyList<Product> All { get; }

    public Product? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>Up to <paramref name="count"/> other products of the same category.</summary>
    public IReadOnlyList<Product> SimilarTo(Product product, int count) =>
        All.Where(p => p.Category == product.Category && p.Id != product.Id).Take(count).ToArray();
}

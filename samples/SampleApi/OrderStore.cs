// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;

namespace SampleApi;

/// <summary>Placed orders, in memory. Thread-safe: requests place and read orders concurrently.</summary>
internal sealed class OrderStore(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<long, Order> _orders = new();
    private long _lastId;

    public Order Place(Product product, int quantity)
    {
        var order = new Order(
            Interlocked.Increment(ref _lastId),
            product.Id,
            quantity,
            product.Price,
            product.Price * quantity,
            timeProvider.GetUtcNow());
        _orders[order.Id] = order;
        return order;
    }

    public Order? Find(long id) => _orders.GetValueOrDefault(id);
}

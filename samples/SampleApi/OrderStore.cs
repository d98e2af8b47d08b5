// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using SampleApi.Database;

namespace SampleApi;

/// <summary>Placed orders, in the shop's SQLite database (<see cref="ShopDatabase"/>).</summary>
internal sealed class OrderStore(ShopDatabase database, TimeProvider timeProvider)
{
    /// <summary>Places an order in one short write transaction; null when its reference is taken.</summary>
    public async Task<Order?> PlaceAsync(Product product, OrderRequest request, CancellationToken cancellationToken)
    {
        var placedAt = timeProvider.GetUtcNow();
        var id = await database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO orders (customer_id, product_id, quantity, unit_price_cents, placed_at, reference)
                    VALUES (@customer, @product, @quantity, @price, @placed, @reference)
                    ON CONFLICT (reference) DO NOTHING
                    RETURNING id
                    """;
                command.With("@customer", request.CustomerId);
                command.With("@product", product.Id);
                command.With("@quantity", request.Quantity);
                command.With("@price", Cents.From(product.Price));
                command.With("@placed", placedAt.ToString("O", CultureInfo.InvariantCulture));
                command.With("@reference", request.Reference);
                return (long?)await command.ExecuteScalarAsync(cancellationToken);
            },
            cancellationToken);
        return id is null
            ? null
            : new Order(id.Value, product.Id, request.Quantity, product.Price, product.Price * request.Quantity, placedAt)
            {
                CustomerId = request.CustomerId,
                Reference = request.Reference,
            };
    }

    public async Task<Order?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var orders = await QueryAsync("WHERE id = @id", id, cancellationToken);
        return orders.Count == 0 ? null : orders[0];
    }

    public Task<IReadOnlyList<Order>> OfCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE customer_id = @id ORDER BY id", customerId, cancellationToken);

    private async Task<IReadOnlyList<Order>> QueryAsync(string where, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, product_id, quantity, unit_price_cents, placed_at, reference FROM orders " + where;
        command.With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var unitPrice = Cents.ToAmount(reader.GetInt64(4));
            var quantity = reader.GetInt32(3);
            orders.Add(new Order(reader.GetInt64(0), reader.GetInt32(2), quantity, unitPrice, unitPrice * quantity, DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
            {
                CustomerId = reader.IsDBNull(1) ? null : reader.GetInt64(1),
                Reference = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return orders;
    }
}

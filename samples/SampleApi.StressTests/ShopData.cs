// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using SampleApi.Database;
using StressTest;
using StressTest.Hosting;

namespace SampleApi.StressTests;

/// <summary>
/// Seeding and cleaning up the shop's database around a run. Everything a run adds carries its run id: customers'
/// emails end in <c>.{runId}@shop.test</c>, orders' references start with <c>{runId}-</c> (seeded ones, and those
/// the tests place with <see cref="StressContext.UniqueId"/>). Teardown deletes by it, so it removes exactly what
/// the run added, even after a failed setup or a cancelled run, and never touches anyone else's rows.
/// </summary>
internal static class ShopData
{
    /// <summary>The seeded customers' ids, in the order of the CSV's rows.</summary>
    public sealed record Seeded(IReadOnlyList<long> CustomerIds);

    /// <summary>Row counts before the run added anything.</summary>
    public sealed record Baseline(long Customers, long Orders);

    public static string Email(string key, string runId) => $"{key}.{runId}@shop.test";

    public static async Task RecordBaselineAsync(StressSetupContext setup, ApiHost<Program> api, CancellationToken ct)
    {
        await using var connection = await OpenSqliteAsync(api, ct);
        setup.Set(new Baseline(await CountAsync(connection, "customers"), await CountAsync(connection, "orders")));
    }

    /// <summary>A customer per row of the CSV and <paramref name="ordersEach"/> orders each, in one transaction
    /// (a few tens of milliseconds for 4,000 rows).</summary>
    public static async Task<Seeded> SeedAsync(ApiHost<Program> api, string runId, string csv, int ordersEach, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var connection = await OpenSqliteAsync(api, ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var customer = Command(connection, transaction, "INSERT INTO customers (email, name, city) VALUES ($email, $name, $city) RETURNING id", "$email", "$name", "$city");
        await using var order = Command(connection, transaction, """
            INSERT INTO orders (customer_id, product_id, quantity, unit_price_cents, placed_at, reference)
            VALUES ($customer, $product, $quantity, 999, '2026-01-01T00:00:00+00:00', $reference)
            """, "$customer", "$product", "$quantity", "$reference");
        using var rows = Sep.Reader(o => o with { Unescape = true }).FromFile(Path.Combine(AppContext.BaseDirectory, csv));
        foreach (var row in rows)
        {
            customer.Parameters["$email"].Value = Email(row["key"].ToString(), runId);
            customer.Parameters["$name"].Value = row["name"].ToString();
            customer.Parameters["$city"].Value = row["city"].ToString();
            var id = (long)(await customer.ExecuteScalarAsync(ct))!;
            ids.Add(id);
            for (var k = 0; k < ordersEach; k++)
            {
                order.Parameters["$customer"].Value = id;
                order.Parameters["$product"].Value = (int)((id + k) % 50) + 1;
                order.Parameters["$quantity"].Value = k + 1;
                order.Parameters["$reference"].Value = string.Create(CultureInfo.InvariantCulture, $"{runId}-seed-{id}-{k}");
                await order.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
        return new Seeded(ids);
    }

    /// <summary>Deletes what the run added and checks the counts are back to the baseline; throws (failing the test,
    /// beside its verdict) if they are not.</summary>
    public static async Task CleanUpAsync(StressSetupContext setup)
    {
        if (!setup.TryGet<ApiHost<Program>>(out var api))
        {
            return; // setup failed before the API started: nothing was added
        }

        await using var connection = await OpenSqliteAsync(api, CancellationToken.None);
        await using (var delete = connection.CreateCommand())
        {
            delete.CommandText = """
                DELETE FROM orders WHERE substr(reference, 1, length($prefix)) = $prefix;
                DELETE FROM customers WHERE substr(email, -length($suffix)) = $suffix;
                """;
            delete.Parameters.AddWithValue("$prefix", setup.RunId + "-");
            delete.Parameters.AddWithValue("$suffix", $".{setup.RunId}@shop.test");
            await delete.ExecuteNonQueryAsync();
        }

        if (setup.TryGet<Baseline>(out var before))
        {
            var after = new Baseline(await CountAsync(connection, "customers"), await CountAsync(connection, "orders"));
            if (after != before)
            {
                throw new InvalidOperationException($"The database is not as the run found it: {before} before, {after} after teardown.");
            }
        }
    }

    /// <summary>The API's own database connection: this seeding speaks SQLite (the PostgreSQL sample seeds through the
    /// API instead, see <c>PostgresContentionStressTests</c>).</summary>
    private static async Task<SqliteConnection> OpenSqliteAsync(ApiHost<Program> api, CancellationToken ct) =>
        (SqliteConnection)await api.Services.GetRequiredService<ShopDatabase>().OpenAsync(ct);

    private static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM " + table;
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, null));
        }

        return command;
    }
}

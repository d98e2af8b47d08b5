// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;
using Npgsql;
using SampleApi.Customers;
using StressTest;
using StressTest.Hosting;
using StressTest.PostgreSql;

namespace SampleApi.StressTests;

/// <summary>
/// Lock contention on a real PostgreSQL server, measured by the database itself: the shop API in PostgreSQL mode,
/// 8 workers awarding points to the same 4 customers through the read-modify-write endpoint, whose read takes the
/// row's lock (<c>SELECT … FOR UPDATE</c>) and holds it across a 2 ms call to another service. Nothing fails; requests
/// queue on the row locks instead, and the lock probe (<see cref="PostgresLockProbe"/>, sampling
/// <c>pg_stat_activity</c> and <c>pg_locks</c> once per second) counts the sessions waiting.
/// </summary>
/// <remarks>
/// Needs a PostgreSQL database: the connection string in <c>ConnectionStrings__ShopPostgres</c> (.ci/run installs
/// Debian's PostgreSQL, starts it on 127.0.0.1 and sets it). Without it the test is skipped, saying so, so the samples
/// stay green on a machine without PostgreSQL. The tables are created if missing; the run's customers (emails ending in
/// <c>.{runId}@shop.test</c>) are deleted by its teardown.
/// </remarks>
public sealed class PostgresContentionStressTests
{
    public const string ConnectionVariable = "ConnectionStrings__ShopPostgres";
    private const int HotCustomers = 4;

    [StressSetup]
    public static async Task StartAsync(StressSetupContext setup, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is not { Length: > 0 } database)
        {
            setup.Skip($"{ConnectionVariable} is not set: no PostgreSQL database to measure lock waits on (.ci/run starts one).");
            return;
        }

        var api = await setup.StartApiAsync<Program>(
            options =>
            {
                options.Settings["ConnectionStrings:Shop"] = database;
                options.Settings["Shop:Provider"] = "PostgreSql";
            },
            ct);
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var ids = new List<long>();
        for (var i = 0; i < HotCustomers; i++)
        {
            using var created = await http.PostAsJsonAsync("customers", new CustomerRequest(ShopData.Email($"hot{i}", setup.RunId), $"Hot customer {i}", "Lockton"), ct);
            await ShopHttp.EnsureSuccessAsync(created, ct);
            ids.Add((await created.Content.ReadFromJsonAsync<Customer>(ct))!.Id);
        }

        setup.Set(new ShopData.Seeded(ids));
        setup.AddProbe(new PostgresLockProbe(database));
    }

    [StressTest(Duration = "3s", Concurrency = 8, Category = "Contention",
        DisplayName = "Loyalty points on PostgreSQL, row locks held across a call (lock waits)")]
    [Threshold("probe:db_lock_waits max > 0")]
    [Threshold("p99 < 1s")]
    public static async Task AwardPointsWithRowLocks(StressContext ctx, CancellationToken ct)
    {
        var customers = ctx.Get<ShopData.Seeded>().CustomerIds;
        var id = customers[(int)((ctx.WorkerId + ctx.Iteration) % customers.Count)];
        using var response = await ctx.Http.PostAsJsonAsync($"legacy/customers/{id}/points", new PointsRequest(10), ct);
        await ShopHttp.EnsureSuccessAsync(response, ct);
    }

    [StressTeardown]
    public static async Task CleanUpAsync(StressSetupContext setup)
    {
        if (!setup.TryGet<ShopData.Seeded>(out _) || Environment.GetEnvironmentVariable(ConnectionVariable) is not { Length: > 0 } database)
        {
            return; // skipped, or setup failed before it seeded anything
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM customers WHERE right(email, length(@suffix)) = @suffix", connection);
        delete.Parameters.AddWithValue("suffix", $".{setup.RunId}@shop.test");
        await delete.ExecuteNonQueryAsync();
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;
using SampleApi.Customers;
using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// Database contention, made visible: 8 workers award loyalty points to the same 4 customers, once through an
/// endpoint written the way much legacy code is (read the balance in a transaction, call another service, write the
/// new balance) and once through one that adds in a single UPDATE. Same load, same database.
/// </summary>
/// <remarks>
/// <para>SQLite has one writer at a time. Two read-then-write transactions that overlap cannot both turn their read
/// into a write: SQLite refuses the second at once, Microsoft.Data.Sqlite retries until its 1 s timeout, and the API
/// answers 503 "database is locked". The first test's error breakdown shows exactly that:
/// <c>HTTP 503 ×N: POST /legacy/customers/12/points answered 503: database is locked (SQLite Error 5: 'database is locked'.)</c>,
/// with the failing requests in the latency tail at about 1 s. That is the contention signal: errors that appear only
/// under concurrency, all on writes, all saying locked or busy, with latencies stuck at the lock timeout.</para>
/// <para>The first test pins that behaviour (<c>error_rate &gt; 0%</c>): it passes while the legacy endpoint
/// deadlocks under load, so this sample's claim cannot silently become false. In your own project that endpoint's
/// test would keep the default policy (no errors), fail, and point at the bug. The second test is the fix, under
/// the same load, held to no errors and a short tail.</para>
/// </remarks>
public sealed class ContentionStressTests : SeededShopStressTests
{
    private const int HotCustomers = 4;

    [StressTest(Duration = "2s", Concurrency = 8, Category = "Contention",
        DisplayName = "Loyalty points, read-modify-write (shows SQLite lock contention)")]
    [Threshold("error_rate > 0%")]
    public static Task AwardPointsReadModifyWrite(StressContext ctx, CancellationToken ct) => AwardAsync(ctx, "legacy/customers", ct);

    [StressTest(Duration = "2s", Concurrency = 8, Category = "Contention",
        DisplayName = "Loyalty points, one UPDATE (no contention errors)")]
    [Threshold("p99 < 1s")]
    public static Task AwardPoints(StressContext ctx, CancellationToken ct) => AwardAsync(ctx, "customers", ct);

    private static async Task AwardAsync(StressContext ctx, string path, CancellationToken ct)
    {
        var customers = ctx.Get<ShopData.Seeded>().CustomerIds;
        var id = customers[(int)((ctx.WorkerId + ctx.Iteration) % HotCustomers)];
        using var response = await ctx.Http.PostAsJsonAsync($"{path}/{id}/points", new PointsRequest(10), ct);
        await ShopHttp.EnsureSuccessAsync(response, ct);
    }
}

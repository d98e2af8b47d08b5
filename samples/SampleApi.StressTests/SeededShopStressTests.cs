// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Data;

namespace SampleApi.StressTests;

/// <summary>
/// The shop with data: before each stress test, setup starts the API, seeds a customer for each row of
/// <c>Data/customers.csv</c> (1,000) with <see cref="OrdersPerCustomer"/> orders each, all tagged with the run's id,
/// and hands the workers what they need through typed values and feeders (no static fields):
/// <list type="bullet">
/// <item><see cref="ShopData.Seeded"/>: the seeded customers' ids (<c>ctx.Get&lt;ShopData.Seeded&gt;()</c>);</item>
/// <item>a Circular CSV feeder of <see cref="CustomerRow"/>: the same file, streamed (<c>ctx.Feed&lt;CustomerRow&gt;()</c>);</item>
/// <item>a PerWorker feeder of <see cref="OwnedCustomer"/>: worker k owns customers k, k + N…, so no two workers
/// write for the same customer;</item>
/// <item>a Unique JSON feeder of <see cref="Signup"/>s: each sign-up used once (Data/signups.json, 400 of them).</item>
/// </list>
/// Teardown deletes exactly what the run added and checks the row counts are back to what setup found.
/// </summary>
public abstract class SeededShopStressTests
{
    public const int OrdersPerCustomer = 3;

    [StressSetup]
    public static async Task StartAndSeedAsync(StressSetupContext setup, CancellationToken ct)
    {
        var api = await ShopApi.StartAsync(setup, ct);
        await ShopData.RecordBaselineAsync(setup, api, ct);
        var seeded = await ShopData.SeedAsync(api, setup.RunId, "Data/customers.csv", OrdersPerCustomer, ct);
        setup.Set(seeded);
        setup.Set(Feeder.FromCsv<CustomerRow>("Data/customers.csv", FeedStrategy.Circular));
        setup.Set(Feeder.From(seeded.CustomerIds.Select(id => new OwnedCustomer(id)), FeedStrategy.PerWorker));
        setup.Set(Feeder.FromJson<Signup>("Data/signups.json", FeedStrategy.Unique));
    }

    [StressTeardown]
    public static Task CleanUpAsync(StressSetupContext setup) => ShopData.CleanUpAsync(setup);
}

/// <summary>A row of Data/customers.csv: its columns, bound by name.</summary>
public sealed record CustomerRow(string Key, string Name, string City);

/// <summary>A seeded customer that belongs to one worker (PerWorker feeder).</summary>
public sealed record OwnedCustomer(long Id);

/// <summary>An element of Data/signups.json.</summary>
public sealed record Signup(string Handle, string Name, string City);

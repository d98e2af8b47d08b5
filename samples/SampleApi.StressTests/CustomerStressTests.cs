// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;
using SampleApi.Customers;
using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// Reads and writes against the SQLite database, on the data <see cref="SeededShopStressTests"/> seeds: each test
/// takes its records from the feeders setup handed to the run.
/// </summary>
public sealed class CustomerStressTests : SeededShopStressTests
{
    /// <summary>
    /// Read-heavy: a customer looks themselves up by email and lists their orders. The customers come from
    /// Data/customers.csv through a Circular feeder (shared by the workers, in order, from the top again at the
    /// end), so 1,000 different customers are read, not the same one the cache would answer.
    /// </summary>
    [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 4, Category = "Database",
        DisplayName = "Customers read their orders (CSV feeder)")]
    [Threshold("p95 < 250ms")]
    [Threshold("rps > 100")]
    public static async Task ReadOrders(StressContext ctx, CancellationToken ct)
    {
        var row = ctx.Feed<CustomerRow>();
        var email = Uri.EscapeDataString(ShopData.Email(row.Key, ctx.RunId));
        var customer = await ctx.Http.GetFromJsonAsync<Customer>($"customers?email={email}", ct);
        if (customer?.Name != row.Name)
        {
            throw new InvalidOperationException($"Customer {row.Key} should be \"{row.Name}\", the API answered {customer}.");
        }

        var orders = await ctx.Http.GetFromJsonAsync<Order[]>($"customers/{customer.Id}/orders", ct);
        if (orders is null || orders.Length < OrdersPerCustomer)
        {
            throw new InvalidOperationException($"Customer {row.Key} has at least {OrdersPerCustomer} orders (seeded), the API listed {orders?.Length}.");
        }
    }

    /// <summary>
    /// Write: each worker places orders for its own customers (PerWorker feeder: worker k gets customers k, k + N…),
    /// each order with a reference no invocation of any run repeats (<see cref="StressContext.UniqueId"/>, which
    /// starts with the run id: teardown deletes by it). SQLite serialises the inserts; each is short, so writers wait
    /// microseconds for the lock.
    /// </summary>
    [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 4, Category = "Database",
        DisplayName = "Customers place orders (PerWorker customers, unique references)")]
    [Threshold("p95 < 250ms")]
    [Threshold("rps > 100")]
    public static async Task PlaceOrders(StressContext ctx, CancellationToken ct)
    {
        var owned = ctx.Feed<OwnedCustomer>();
        var request = new OrderRequest(ProductId: (int)(owned.Id % 50) + 1, Quantity: 1, CustomerId: owned.Id, Reference: ctx.UniqueId);
        using var response = await ctx.Http.PostAsJsonAsync("orders", request, ct);
        await ShopHttp.EnsureSuccessAsync(response, ct);
    }

    /// <summary>
    /// The mix a shop sees, at 200 requests per second (open model): 70 % read their orders, 20 % order, 10 % sign up
    /// with a sign-up from Data/signups.json that no other invocation uses (Unique feeder). 500 arrivals need 50
    /// sign-ups of the 400: were the data too small for the run, the test would fail saying so
    /// (<c>FeederOptions.WhenExhausted</c>). Each part is a step, with its own percentiles.
    /// </summary>
    [StressTest(Rate = 200, Duration = "2s", WarmUp = "500ms", MaxConcurrency = 50, Timeout = "5s", Category = "Database",
        DisplayName = "Shop traffic mix at 200/s (reads, orders, sign-ups)")]
    [Threshold("p99 < 1s")]
    [Threshold("dropped == 0")]
    [Threshold("p95 < 250ms", Step = "sign up")]
    public static Task ShopMix(StressContext ctx, CancellationToken ct) => (ctx.Iteration % 10) switch
    {
        < 7 => ctx.Step("read orders", () => ReadOrders(ctx, ct)),
        < 9 => ctx.Step("place order", () => PlaceOrders(ctx, ct)),
        _ => ctx.Step("sign up", () => SignUp(ctx, ct)),
    };

    private static async Task SignUp(StressContext ctx, CancellationToken ct)
    {
        var signup = ctx.Feed<Signup>();
        var request = new CustomerRequest(ShopData.Email(signup.Handle, ctx.RunId), signup.Name, signup.City);
        using var response = await ctx.Http.PostAsJsonAsync("customers", request, ct);
        await ShopHttp.EnsureSuccessAsync(response, ct);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// What every stress-test class of the shop shares: the API started before each stress test and stopped after it.
/// <c>[StressSetup]</c> and <c>[StressTeardown]</c> are found on base classes too, so each test class only derives
/// from this one. The tests send their requests with <see cref="StressContext.Http"/>: the run's pooled client,
/// whose base address setup hands over below.
/// </summary>
public abstract class ShopStressTests
{
    /// <summary>Runs before each stress test: a fresh API on a free port of 127.0.0.1. Its address becomes the base
    /// address of <see cref="StressContext.Http"/> (unless the BaseUrl setting or the STRESSTEST_BASEURL variable
    /// points the run at another deployment of the API); the run stops it after teardown.</summary>
    [StressSetup]
    public static async Task StartApiAsync(StressSetupContext setup, CancellationToken ct)
    {
        var api = await ShopApi.StartAsync(setup, ct);
        await ShopData.RecordBaselineAsync(setup, api, ct);
    }

    /// <summary>Runs after each stress test, even when setup failed: removes the orders the run placed (their
    /// references start with its run id) and checks the database is as the run found it.</summary>
    [StressTeardown]
    public static Task CleanUpAsync(StressSetupContext setup) => ShopData.CleanUpAsync(setup);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// What every stress-test class of the shop shares: the API started before each stress test and stopped after it.
/// <c>[StressSetup]</c> and <c>[StressTeardown]</c> are found on base classes too, so each test class only derives
/// from this one.
/// </summary>
public abstract class ShopStressTests
{
    private static ShopApi? _api;

    /// <summary>The client for the running API (base address set, connections pooled).</summary>
    protected static HttpClient Client =>
        _api?.Client ?? throw new InvalidOperationException("The API is not running: StartApiAsync did not complete.");

    /// <summary>Runs before each stress test: a fresh API on a free port of 127.0.0.1, with empty stores.</summary>
    [StressSetup]
    public static async Task StartApiAsync(CancellationToken ct) => _api = await ShopApi.StartAsync(ct);

    /// <summary>Runs after each stress test, even when setup failed: so it must not assume an API.</summary>
    [StressTeardown]
    public static async Task StopApiAsync()
    {
        var api = _api;
        _api = null;
        if (api is not null)
        {
            await api.DisposeAsync();
        }
    }
}

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
    private static ShopApi? _api;

    /// <summary>Runs before each stress test: a fresh API on a free port of 127.0.0.1, with empty stores. Its
    /// address becomes the base address of <see cref="StressContext.Http"/> (unless the BaseUrl setting or the
    /// STRESSTEST_BASEURL variable points the run at another deployment of the API).</summary>
    [StressSetup]
    public static async Task StartApiAsync(StressSetupContext setup, CancellationToken ct)
    {
        _api = await ShopApi.StartAsync(ct);
        setup.BaseAddress = _api.Address;
    }

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

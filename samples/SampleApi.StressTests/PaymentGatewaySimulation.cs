// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using StressTest;
using StressTest.Hosting;
using StressTest.Mocks;

namespace SampleApi.StressTests;

/// <summary>
/// The checkout tests' world: a simulated payment gateway (payment-gateway.json, served by a mock server on a free
/// port) and the shop API twice, pointed at it through its ordinary configuration (<c>PaymentGateway:BaseUrl</c>), once
/// with its timeout and retry pipeline and once without any policy. The API needs no test hook, and the same profile
/// serves an API started by hand (<c>stresstest mock</c>).
/// </summary>
internal static class PaymentGatewaySimulation
{
    /// <summary>The client of the API without a policy; <c>StressContext.Http</c> calls the one with it.</summary>
    public const string WithoutPolicy = "shop-without-policy";

    private static MockServer? _gateway;
    private static ApiHost<Program>? _withoutPolicy;

    /// <summary>Starts the gateway (its counts go into the test's report) and both APIs.</summary>
    public static async Task StartAsync(StressSetupContext setup, CancellationToken ct)
    {
        var profile = MockProfile.Load(Path.Combine(AppContext.BaseDirectory, "payment-gateway.json"));
        _gateway = await MockServer.StartAsync(profile, setup, ct);
        var gateway = _gateway.BaseAddress.ToString();
        // The run's base address; the run stops it after [StressTeardown], which stops the gateway first.
        await setup.StartApiAsync<Program>(api => Configure(api, gateway, "timeout-retry"), ct);
        _withoutPolicy = await ApiHost.StartAsync<Program>(Configure(new ApiHostOptions(), gateway, "none"), ct);
        var withoutPolicy = _withoutPolicy.BaseAddress;
        setup.ConfigureHttp(http => http.Services.AddHttpClient(WithoutPolicy, client => client.BaseAddress = withoutPolicy));
    }

    /// <summary>Stops the gateway first: requests still hanging on it end, so the APIs stop at once.</summary>
    public static async Task StopAsync()
    {
        var (gateway, withoutPolicy) = (_gateway, _withoutPolicy);
        (_gateway, _withoutPolicy) = (null, null);
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (withoutPolicy is not null)
        {
            await withoutPolicy.DisposeAsync();
        }
    }

    // Polly logs every retry and attempt timeout as a warning or an error: hundreds of lines per run, while the report
    // already shows them as the gateway's extra requests.
    private static ApiHostOptions Configure(ApiHostOptions api, string gateway, string resilience)
    {
        api.Settings["PaymentGateway:BaseUrl"] = gateway;
        api.Settings["PaymentGateway:Resilience"] = resilience;
        api.Settings["Logging:LogLevel:Polly"] = "None";
        return api;
    }
}

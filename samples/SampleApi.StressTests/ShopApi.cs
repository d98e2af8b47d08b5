// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SampleApi.StressTests;

/// <summary>
/// The shop API running inside the test process on a free loopback port. Started by a test class's [StressSetup],
/// disposed by its [StressTeardown].
/// </summary>
internal sealed class ShopApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopApi(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the API listens, handed to the run as the base address of <c>StressContext.Http</c>.</summary>
    public Uri Address { get; }

    public static async Task<ShopApi> StartAsync(CancellationToken ct)
    {
        // Port 0: the OS picks a free port, so runs never collide with each other or with a developer's API.
        var app = SampleApiApp.Build([], urls: "http://127.0.0.1:0");
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new ShopApi(app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}

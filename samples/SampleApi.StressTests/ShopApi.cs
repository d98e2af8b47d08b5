// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SampleApi.StressTests;

/// <summary>
/// The shop API running inside the test process on a free loopback port, plus the one <see cref="HttpClient"/>
/// every worker shares. Started by a test class's [StressSetup], disposed by its [StressTeardown].
/// </summary>
internal sealed class ShopApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopApi(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>Thread-safe, shared by all workers; its base address is the API's.</summary>
    public HttpClient Client { get; }

    public static async Task<ShopApi> StartAsync(CancellationToken ct)
    {
        // Port 0: the OS picks a free port, so runs never collide with each other or with a developer's API.
        var app = SampleApiApp.Build([], urls: "http://127.0.0.1:0");
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

            // One client for all workers: a client per request would open a connection per request and measure
            // TCP handshakes instead of the API. The pool must hold a connection per worker (HTTP/1.1 serves one
            // request at a time per connection) or workers queue for connections inside the client and the
            // queueing shows up as API latency.
            var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = 256,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            };
            var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
            return new ShopApi(app, client);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
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

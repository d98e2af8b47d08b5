// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace StressTest.Http;

/// <summary>
/// The <see cref="HttpClient"/> of one run, from <see cref="IHttpClientFactory"/>: one pooled, load-sized client shared
/// by all invocations instead of a client per call (which exhausts sockets and measures connection setup).
/// Built on first use, so tests that do not use HTTP pay nothing.
/// </summary>
internal sealed class StressHttpClient : IDisposable
{
    public const string ClientName = "StressTest";

    private readonly HttpOptions _options;
    private readonly int _connections;
    private readonly Lock _lock = new();
    private ServiceProvider? _services;
    private HttpClient? _client;

    /// <param name="options">Base address and allowed hosts.</param>
    /// <param name="connections">Invocations that may be in flight at once: the connection pool is sized to it.</param>
    public StressHttpClient(HttpOptions options, int connections)
    {
        _options = options;
        _connections = Math.Max(1, connections);
    }

    public HttpClient Client
    {
        get
        {
            var client = Volatile.Read(ref _client);
            if (client is not null)
            {
                return client;
            }

            lock (_lock)
            {
                return _client ??= Create();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _services?.Dispose();
        }
    }

    private HttpClient Create()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName, client =>
            {
                if (_options.BaseAddress is { } baseAddress)
                {
                    client.BaseAddress = baseAddress;
                }

                // Invocations have their own Timeout; a second, shorter clock inside HttpClient would blur it.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // As many connections as invocations in flight: queueing for a connection inside the client would be
                // measured as the server's latency.
                MaxConnectionsPerServer = _connections,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                UseCookies = false,
                // No HTTP_PROXY detour: load goes straight to the host the test names (and the host guard checked),
                // and a proxy in between would be measured as the API.
                UseProxy = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddHttpMessageHandler(() => new HostGuardHandler(_options))
            // The factory would otherwise recycle the handler every 2 minutes; the pool's own lifetime does that job.
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace StressTest.Workers.Http;

/// <summary>
/// The HTTP of one run, from <see cref="IHttpClientFactory"/>: one pooled, load-sized handler pipeline shared by all
/// invocations instead of a client per call (which exhausts sockets and measures connection setup). Each slot gets
/// thin clients over it (<see cref="SlotHttpClients"/>). Built on first use, so tests that do not use HTTP pay nothing.
/// </summary>
/// <remarks>
/// Every client of the run's service collection (the test's own named ones too) gets the load-sized primary handler
/// and, innermost, the host guard: added after everything else the test configured, so no handler of the test's can
/// send a request past it.
/// </remarks>
internal sealed class StressHttpClient : IDisposable
{
    public const string ClientName = "StressTest";

    private readonly int _connections;
    private readonly Lock _lock = new();
    private ServiceProvider? _services;
    private (IHttpMessageHandlerFactory Handlers, IOptionsMonitor<HttpClientFactoryOptions> Options)? _factory;

    /// <param name="options">Base address, allowed hosts, accepted status codes, the test's configuration.</param>
    /// <param name="connections">Invocations that may be in flight at once: the connection pool is sized to it.</param>
    public StressHttpClient(HttpOptions options, int connections)
    {
        Options = options;
        Names = new EndpointNames(options.Routes);
        _connections = Math.Max(1, connections);
    }

    public HttpOptions Options { get; }

    /// <summary>How the run names its endpoints (routes, what it learned of its paths).</summary>
    public EndpointNames Names { get; }

    /// <summary>Told of every request the host guard refuses; set before the first request.</summary>
    public Action<string>? OnRefused { get; set; }

    /// <summary>A client of the given name for one slot: the slot's measuring handler over the shared pipeline,
    /// configured as the factory would configure it (base address, headers the test set).</summary>
    public HttpClient CreateClient(string name, InvocationSlot slot)
    {
        var (handlers, options) = Factory();
        var client = new HttpClient(new InvocationHttpHandler(slot, Options, handlers.CreateHandler(name)), disposeHandler: false);
        foreach (var configure in options.Get(name).HttpClientActions)
        {
            configure(client);
        }

        return client;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _services?.Dispose();
        }
    }

    private (IHttpMessageHandlerFactory, IOptionsMonitor<HttpClientFactoryOptions>) Factory()
    {
        lock (_lock)
        {
            if (_factory is null)
            {
                _services = Build();
                _factory = (_services.GetRequiredService<IHttpMessageHandlerFactory>(), _services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>());
            }

            return _factory.Value;
        }
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(defaults => defaults
            // The factory's logging handlers open a log scope and time every request (allocation and CPU per request)
            // to log at a level nothing listens to here; the run measures requests itself.
            .RemoveAllLoggers()
            .ConfigureHttpClient(client =>
            {
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
                // Decompression is the measuring handler's (ContentCoding): here it would be one more async layer per request.
                AutomaticDecompression = DecompressionMethods.None,
            })
            // The factory would otherwise recycle the handler every 2 minutes; the pool's own lifetime does that job.
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan));

        // Without a base address, relative requests go to a placeholder the measuring handler turns into a clear failure.
        var builder = services.AddHttpClient(ClientName, client => client.BaseAddress = Options.BaseAddress ?? NoBaseAddress.Uri);
        foreach (var configure in Options.Configure)
        {
            configure(builder);
        }

        // Post-configuration runs after every configuration, the test's included: the guard is added last, so it is
        // the innermost handler of every client, next to the socket.
        services.PostConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new HostGuardHandler(Options, OnRefused))));
        return services.BuildServiceProvider();
    }
}

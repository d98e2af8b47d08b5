// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StressTest.Mocks.Server;

namespace StressTest.Mocks;

/// <summary>
/// A simulated dependency over HTTP: Kestrel on 127.0.0.1, on a free port unless one is given, serving a
/// <see cref="MockProfile"/>. For an API that calls its dependency by URL (running in the test process or not):
/// start it in <c>[StressSetup]</c>, hand its <see cref="BaseAddress"/> to the API, dispose it in
/// <c>[StressTeardown]</c>.
/// </summary>
/// <example><code>
/// [StressSetup]
/// public static async Task SetupAsync(StressSetupContext setup, CancellationToken ct)
/// {
///     _gateway = await MockServer.StartAsync(MockProfile.Load("payment-gateway.json"), setup, ct);   // counts go into the report
///     _api = await MyApi.StartAsync($"--PaymentGateway:BaseUrl={_gateway.BaseAddress}", ct);
///     setup.BaseAddress = _api.Address;
/// }
/// </code></example>
public sealed class MockServer : IAsyncDisposable
{
    /// <summary>How long stopping waits for responses still being written (slow bodies are cut off first).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private MockServer(WebApplication app, CancellationTokenSource stopping, MockDependency dependency, Uri baseAddress)
    {
        _app = app;
        _stopping = stopping;
        Dependency = dependency;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The running profile: its name and what it served (<see cref="MockDependency.Served"/>).</summary>
    public MockDependency Dependency { get; }

    /// <summary>Starts a mock server on a free port and adds what it serves to the stress test's report
    /// (<see cref="StressSetupContext.ReportDependency"/>, under the profile's name): the one call a
    /// <c>[StressSetup]</c> needs.</summary>
    /// <param name="profile">What to serve.</param>
    /// <param name="setup">The setup's context.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running server.</returns>
    public static async Task<MockServer> StartAsync(MockProfile profile, StressSetupContext setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var server = await StartAsync(profile, port: null, timeProvider: null, cancellationToken).ConfigureAwait(false);
        setup.ReportDependency(server.Dependency.Name, () => server.Dependency.Served);
        return server;
    }

    /// <summary>Starts a mock server on 127.0.0.1.</summary>
    /// <param name="profile">What to serve.</param>
    /// <param name="port">The port; default a free one chosen by the OS.</param>
    /// <param name="timeProvider">The clock for latencies and rate limits; default the system clock.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The profile cannot be served.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<MockServer> StartAsync(MockProfile profile, int? port = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "expected a TCP port, 0 to 65535");
        }

        var dependency = new MockDependency(profile, timeProvider);

        // The empty builder: no configuration files, environment variables or logging providers of the current
        // folder leak into a mock, and nothing is logged per request.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(MockServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port ?? 0);
            // A slow body is the point of some profiles; Kestrel must not cut the caller off for reading it slowly.
            kestrel.Limits.MinResponseDataRate = null;
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = StopGrace);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        app.Run(context => ServerResponder.RespondAsync(context, dependency, stopping.Token));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new MockServer(app, stopping, dependency, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            stopping.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops serving: requests still hanging or trickling are cut off (their connections aborted), then
    /// Kestrel stops. What it served stays readable on <see cref="Dependency"/>.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Hosting;

/// <summary>
/// The ASP.NET Core app under test, started from the stress-test project the way <c>WebApplicationFactory</c>
/// starts it (the app's own <c>Program</c>, its configuration and services), but listening on a real Kestrel socket
/// at 127.0.0.1 on a port the OS picks, so requests cross the real network stack: an in-memory TestServer would skip
/// sockets, HTTP parsing and connection handling, and make the numbers look better than any deployment.
/// </summary>
/// <remarks>
/// <para>The app then runs in the test process and shares the machine's CPU with the load generator: on a small
/// machine the generator's own work shows in the latencies. Point the same tests at a deployed API with the
/// <c>BaseUrl</c> setting to measure the API alone.</para>
/// <para>Built on <c>WebApplicationFactory</c> with <c>UseKestrel</c> (.NET 10): the test project references the app's
/// project, and the app's <c>Program</c> class must be public (ASP.NET Core 10 makes the generated one public).</para>
/// </remarks>
/// <typeparam name="TEntryPoint">A type in the app's entry assembly, normally its <c>Program</c>.</typeparam>
/// <seealso cref="ApiHost.StartAsync{TEntryPoint}"/>
public sealed class ApiHost<TEntryPoint> : IAsyncDisposable
    where TEntryPoint : class
{
    private readonly KestrelApplicationFactory<TEntryPoint> _factory;

    internal ApiHost(KestrelApplicationFactory<TEntryPoint> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services: its database, its options, anything setup needs to seed or teardown to clean.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Stops the app and releases its port.</summary>
    /// <returns>A task that completes when the app has stopped.</returns>
    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

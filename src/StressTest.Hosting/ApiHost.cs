// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StressTest.Hosting;

/// <summary>Starts the ASP.NET Core app under test; from <c>[StressSetup]</c>, prefer
/// <see cref="StressSetupContextExtensions.StartApiAsync{TEntryPoint}"/>, which also hands it to the run.</summary>
public static class ApiHost
{
    /// <summary>Starts the app of <typeparamref name="TEntryPoint"/> on real Kestrel at 127.0.0.1 with a free port and
    /// waits until it listens (see <see cref="ApiHost{TEntryPoint}"/>).</summary>
    /// <typeparam name="TEntryPoint">A type in the app's entry assembly, normally its <c>Program</c>.</typeparam>
    /// <param name="options">Environment, configuration overrides, log level, web host changes; null for the defaults.</param>
    /// <param name="cancellationToken">Abandons the wait (the app is stopped).</param>
    /// <returns>The running app; dispose it to stop it.</returns>
    public static async Task<ApiHost<TEntryPoint>> StartAsync<TEntryPoint>(ApiHostOptions? options = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var factory = new KestrelApplicationFactory<TEntryPoint>(options ?? new ApiHostOptions());
        try
        {
            // Port 0 on the loopback address: the OS picks a free port, so runs never collide with each other or with
            // an app a developer has running, and nothing listens beyond this machine.
            factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

            // StartServer blocks while the app starts (its startup code may seed or migrate): off the caller's thread.
            await Task.Run(factory.StartServer, cancellationToken).ConfigureAwait(false);
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} started but reports no address.");
            return new ApiHost<TEntryPoint>(factory, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            await factory.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

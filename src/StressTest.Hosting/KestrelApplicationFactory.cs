// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace StressTest.Hosting;

/// <summary>WebApplicationFactory with the options applied to the app's web host; it runs on Kestrel, never on the
/// in-memory TestServer (see <see cref="ApiHost{TEntryPoint}"/>).</summary>
internal sealed class KestrelApplicationFactory<TEntryPoint>(ApiHostOptions options) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(options.Environment);
        if (options.Settings.Count > 0)
        {
            var settings = options.Settings.ToList();
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        }

        var minimum = options.MinimumLogLevel;
        builder.ConfigureLogging(logging => logging.AddFilter(level => level >= minimum));
        options.ConfigureWebHost?.Invoke(builder);
    }
}

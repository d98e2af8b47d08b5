// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace StressTest.Hosting;

/// <summary>How <see cref="ApiHost{TEntryPoint}"/> starts the app under test.</summary>
public sealed class ApiHostOptions
{
    /// <summary>The app's environment name (<c>IHostEnvironment.EnvironmentName</c>).</summary>
    /// <value>Default <c>"Production"</c>: stress what ships. WebApplicationFactory's own default, Development,
    /// validates DI scopes on every resolution and enables developer pages, which changes the numbers.</value>
    public string Environment { get; set; } = "Production";

    /// <summary>Configuration values that override the app's own (appsettings, environment variables), for example
    /// <c>["ConnectionStrings:Shop"] = "Data Source=stress.db"</c>. Read by the app when it resolves them, after
    /// startup code ran: a value read in <c>Program.cs</c> before <c>Build()</c> does not see them.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The least severe log level the app writes.</summary>
    /// <value>Default <see cref="LogLevel.Warning"/>: ASP.NET Core's Information logs a line per request, which under
    /// load costs more CPU than most endpoints and floods the test output.</value>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Further changes to the app's web host, as in <c>WebApplicationFactory.ConfigureWebHost</c>: replace a
    /// service with <c>ConfigureServices</c> (<c>ConfigureTestServices</c>), add configuration, and so on.</summary>
    /// <value>Default none.</value>
    public Action<IWebHostBuilder>? ConfigureWebHost { get; set; }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using SampleApi.Customers;
using SampleApi.Database;

namespace SampleApi;

/// <summary>
/// Builds the shop API: a catalog in memory, customers and orders in SQLite (<see cref="ShopDatabase"/>). Program.cs runs it; SampleApi.StressTests starts the very same app in the test process on
/// a free port, so the stress tests exercise exactly what ships.
/// </summary>
public static class SampleApiApp
{
    /// <summary>Where the API listens when neither <c>urls</c> nor <c>--urls</c>/<c>ASPNETCORE_URLS</c> say
    /// otherwise: loopback only, never all interfaces.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Builds the app, ready to <c>Run()</c> or <c>StartAsync()</c>.</summary>
    /// <param name="args">Command-line arguments, passed to the host's configuration.</param>
    /// <param name="urls">The addresses to listen on, for example <c>http://127.0.0.1:0</c> for a free port (read
    /// the bound address from <c>IServerAddressesFeature</c> after start). Null: configuration, then
    /// <see cref="DefaultUrls"/>.</param>
    public static WebApplication Build(string[] args, string? urls = null)
    {
        ArgumentNullException.ThrowIfNull(args);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Under a test host the entry assembly is testhost, not this one.
            ApplicationName = typeof(SampleApiApp).Assembly.GetName().Name,
        });

        // Information logs one line per request: under load that costs more CPU than the endpoints themselves and
        // floods the test output. Run as a program (no urls given), the startup lines still show where it listens.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (urls is null)
        {
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }

        builder.WebHost.UseUrls(urls ?? builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrls);

        // Handlers take the clock from DI, never from DateTime.Now, so a test could swap in a fake one.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Catalog>();
        builder.Services.AddSingleton<ShopDatabase>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<CustomerStore>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseBusyHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddPaymentGateway();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapHealthChecks("/health");
        app.MapProductEndpoints();
        app.MapOrderEndpoints();
        app.MapCustomerEndpoints();
        app.MapCheckoutEndpoints();
        return app;
    }
}

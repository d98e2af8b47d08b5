// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StressTest.Fixtures;

/// <summary>
/// The API the fixture's stress tests load: a Kestrel app on 127.0.0.1 and a free port, with an endpoint for each
/// behaviour the tests need (a catalogue, a 500, a connection cut mid-response, a request that never answers, a
/// 100 MB body).
/// </summary>
internal static class FixtureApi
{
    private static readonly Lock Gate = new();
    private static WebApplication? _app;

    /// <summary>Starts the app once per test host (several tests share it) and returns its address.</summary>
    public static async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        WebApplication app;
        lock (Gate)
        {
            if (_app is not null)
            {
                return Address(_app);
            }

            _app = app = Build();
        }

        await app.StartAsync(cancellationToken);
        return Address(app);
    }

    /// <summary>A loopback address nothing listens on: a port that was free a moment ago.</summary>
    public static Uri ClosedAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        app.MapGet("/products", () => Results.Json(Enumerable.Range(1, 5).Select(i => new { id = i, name = "product " + i })));
        app.MapGet("/products/{id:int}", (int id) => id <= 100 ? Results.Json(new { id, name = "product " + id }) : Results.NotFound());
        app.MapPost("/orders", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Created("/orders/1", new { id = 1, length = body.Length });
        });
        app.MapGet("/fail", () => Results.Problem("the database is on fire", statusCode: 500));
        app.MapGet("/reset", async (HttpContext context) =>
        {
            // Promise 1 MB, send a little, then drop the connection: the client sees the response end early.
            context.Response.ContentLength = 1_000_000;
            await context.Response.Body.WriteAsync(new byte[1000]);
            await context.Response.Body.FlushAsync();
            context.Abort();
        });
        app.MapGet("/hang", async (CancellationToken aborted) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, aborted);
            return Results.Ok();
        });
        app.MapGet("/big", async (HttpContext context) =>
        {
            // 100 MB in 64 KB chunks, written only as fast as the client reads.
            context.Response.ContentLength = 100L * 1024 * 1024;
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < context.Response.ContentLength; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        return app;
    }
}

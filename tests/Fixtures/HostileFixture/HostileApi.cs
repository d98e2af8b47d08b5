// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HostileFixture;

/// <summary>The API some hostile tests load: Kestrel on 127.0.0.1 and a free port, started once per test host.</summary>
internal static class HostileApi
{
    private static readonly Lock Gate = new();
    private static WebApplication? _app;
    private static Task? _started;

    public static async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        Task started;
        WebApplication app;
        lock (Gate)
        {
            if (_app is null)
            {
                _app = Build();
                _started = _app.StartAsync(CancellationToken.None);
            }

            app = _app;
            started = _started!;
        }

        await started.WaitAsync(cancellationToken);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    /// <summary>A loopback port that accepts connections and never answers: a black hole.</summary>
    public static Uri BlackHole()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            var held = new List<TcpClient>();
            while (true)
            {
                held.Add(await listener.AcceptTcpClientAsync());
            }
        });
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/api/articles/{slug}", (string slug) => Results.Json(new { slug }));
        app.MapGet("/api/users/{name}", (string name) => Results.Json(new { name }));
        app.MapGet("/fail", () => Results.Problem("the database is on fire", statusCode: 500));
        return app;
    }
}

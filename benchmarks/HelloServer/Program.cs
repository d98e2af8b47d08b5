// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;

// dotnet HelloServer.dll --port 5091: GET / answers "hello" on 127.0.0.1:5091 until the process is stopped.
var builder = WebApplication.CreateBuilder(args);

// No logging: a console line per request (or per start-up message) would cost the server CPU that the generators
// on the same two cores need, and would be measured as their slowness.
builder.Logging.ClearProviders();

// Loopback only, whatever ASPNETCORE_URLS or --urls say: the benchmark never listens on the network.
var port = builder.Configuration.GetValue("port", 5091);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

var app = builder.Build();
app.MapGet("/", () => "hello");
app.Run();

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StressTest.Evaluation;
using StressTest.Monitoring.Telemetry;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Monitoring.Telemetry;

/// <summary>OTLP export: off by default, on with the setting, to a collector stand-in on loopback; a collector that is
/// gone is one warning, and the run goes on. Not in parallel: the export listens to every run in the process.</summary>
[TestClass]
[DoNotParallelize]
public sealed class OtlpExportTests
{
    [TestMethod]
    public void Start_NoEndpointConfigured_ExportsNothing()
    {
        if (Environment.GetEnvironmentVariable(ObservabilitySettings.OtlpEndpointVariable) is { Length: > 0 })
        {
            Assert.Inconclusive($"{ObservabilitySettings.OtlpEndpointVariable} is set in this environment.");
        }

        using var export = OtlpExport.Start(ObservabilitySettings.Default, "run", "test");

        Assert.IsNull(export);
        Assert.IsFalse(ObservabilitySettings.Default.ExportRequested);
    }

    [TestMethod]
    public async Task RunAsync_HttpProtobufCollector_ReceivesTracesAndMetricsOnTheirPaths()
    {
        // A collector stand-in on Kestrel: reads each export's whole body (protobuf) and answers 200.
        var received = new ConcurrentQueue<(string Path, long Bytes)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((request.Path.Value!, body.Length));
            return Results.Ok();
        });
        await collector.StartAsync();
        var probe = TracedTargets.Journey.Reset();
        var settings = StressSettings.Default with
        {
            Observability = ObservabilitySettings.Default with { TraceSampleRate = 1, OtlpEndpoint = new Uri(collector.Urls.First()), OtlpProtocol = "http/protobuf" },
        };

        var result = await Runs.RunAsync(probe.Clock, typeof(TracedTargets.Journey), nameof(TracedTargets.Journey.Run), settings);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.IsEmpty(result.Warnings, string.Join(Environment.NewLine, result.Warnings));
        Assert.IsTrue(received.Any(r => r.Path == "/v1/traces" && r.Bytes > 0), string.Join(", ", received));
        Assert.IsTrue(received.Any(r => r.Path == "/v1/metrics" && r.Bytes > 0), string.Join(", ", received));
    }

    [TestMethod]
    public async Task RunAsync_CollectorGone_PassesWithOneWarning()
    {
        var probe = TracedTargets.Journey.Reset();
        var settings = StressSettings.Default with
        {
            Observability = ObservabilitySettings.Default with { TraceSampleRate = 1, OtlpEndpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/"), OtlpProtocol = "http/protobuf" },
        };

        var result = await Runs.RunAsync(probe.Clock, typeof(TracedTargets.Journey), nameof(TracedTargets.Journey.Run), settings);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var warning = Assert.ContainsSingle(result.Warnings);
        Assert.StartsWith("OTLP export to http://127.0.0.1:", warning);
        Assert.Contains("failed (the run went on without it)", warning);
    }

    [TestMethod]
    public void Start_VariableNotAnAddress_WarnsAndExportsNothing()
    {
        var before = Environment.GetEnvironmentVariable(ObservabilitySettings.OtlpEndpointVariable);
        Environment.SetEnvironmentVariable(ObservabilitySettings.OtlpEndpointVariable, "collector:4317");
        try
        {
            using var export = OtlpExport.Start(ObservabilitySettings.Default, "run", "test");

            Assert.IsNull(export);
            Assert.IsTrue(ObservabilitySettings.Default.ExportRequested);
            Assert.AreEqual("OTEL_EXPORTER_OTLP_ENDPOINT = \"collector:4317\" is not an http or https address: nothing was exported.", OtlpExport.VariableProblem());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ObservabilitySettings.OtlpEndpointVariable, before);
        }
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers;

namespace StressTest.Tests.Monitoring.Telemetry;

/// <summary>
/// End to end on the real clock against a real Kestrel server: the API's own server-side activity (ASP.NET Core's
/// <c>Microsoft.AspNetCore</c> source) continues the generator's trace and carries the run id in its baggage, which is
/// what lets an APM filter the API's traces to one run. Not in parallel: activity listeners are process-wide.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ServerTraceTests
{
    private const string RunId = "trace-e2e-run";

    [TestMethod]
    public async Task RunAsync_AgainstKestrel_ServerActivityHasTheGeneratorsTraceIdAndRunIdBaggage()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is StressTestTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await StartServerAsync();
        KestrelTarget.Address = app.Urls.Select(u => new Uri(u)).First();

        var plan = Plans.Build(typeof(KestrelTarget), nameof(KestrelTarget.Hello), TracingTests.Sampled(1));
        var result = await new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System)).RunAsync(plan, RunId, CancellationToken.None).WaitAsync(TestClock.Guard);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var clients = stopped.Where(a => a.Source.Name == StressTestTelemetry.Name && a.Kind == ActivityKind.Client).ToList();
        var servers = stopped.Where(a => a.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.IsGreaterThanOrEqualTo(5, clients.Count, "requests of the traced invocations");
        foreach (var client in clients)
        {
            var server = servers.SingleOrDefault(s => s.ParentSpanId == client.SpanId);
            Assert.IsNotNull(server, $"the server's activity for client span {client.SpanId}");
            Assert.AreEqual(client.TraceId, server.TraceId);
            Assert.AreEqual(RunId, server.GetBaggageItem(StressTestTelemetry.RunIdKey));
            Assert.AreEqual(plan.FullyQualifiedName, server.GetBaggageItem(StressTestTelemetry.TestKey));
        }
    }

    private static async Task<WebApplication> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/hello", () => "hello");
        await app.StartAsync();
        return app;
    }

    public static class KestrelTarget
    {
        internal static Uri? Address { get; set; }

        [StressSetup]
        public static void Setup(StressSetupContext setup) => setup.BaseAddress = Address;

        [StressTest(Duration = "300ms", Concurrency = 1)]
        public static async Task Hello(StressContext context, CancellationToken cancellationToken)
        {
            using var response = await context.Http.GetAsync(new Uri("hello", UriKind.Relative), cancellationToken);
        }
    }
}

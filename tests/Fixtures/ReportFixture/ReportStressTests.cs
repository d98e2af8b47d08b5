// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace StressTest.Fixtures;

/// <summary>
/// An open-model run with something in every part of the HTML report: endpoints, steps, checks, errors, dropped
/// arrivals and a latency spike. Every name and message a user or server could control is a script or an HTML
/// element, so the browser test can see that none of it runs. Requests go to an in-memory handler: no server.
/// </summary>
public sealed class ReportStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup)
    {
        setup.BaseAddress = new Uri("http://report.fixture.test/");
        setup.ConfigureHttp(http => http.ConfigurePrimaryHttpMessageHandler(() => new CannedHandler()));
    }

    /// <summary>Fails on purpose (errors): every 10th invocation throws, every 7th fails a check, every 20th holds
    /// the only slot for 50 ms so the arrivals meanwhile are dropped.</summary>
    [StressTest(Rate = 100, Duration = "3s", WarmUp = "200ms", MaxConcurrency = 1, DisplayName = "Report <i>in a browser</i>")]
    [Threshold("p99 < 40ms")]
    public static async Task OpenModelWithErrors(StressContext ctx, CancellationToken ct)
    {
        await ctx.Step("<img src=x onerror=alert('step')>", async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("items", UriKind.Relative));
            request.Options.Set(StressHttp.EndpointName, "<script>alert('endpoint')</script>");
            using var response = await ctx.Http.SendAsync(request, ct);
        });
        ctx.Check(ctx.Iteration % 7 != 0, "<svg onload=alert('check')>");
        await Task.Delay(TimeSpan.FromMilliseconds(ctx.Iteration % 20 == 0 ? 50 : 1), TimeProvider.System, ct);
        if (ctx.Iteration % 10 == 0)
        {
            throw new InvalidOperationException("<script>alert('error')</script> & \"quotes\"");
        }
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":1}") });
    }
}

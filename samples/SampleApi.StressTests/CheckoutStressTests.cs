// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;
using StressTest;

namespace SampleApi.StressTests;

/// <summary>
/// Checkout through a simulated payment gateway (40 ms median, 300 ms p99, 2 % 503, 0.5 % no answer), without and
/// with the API's timeout and retry policy. The report's <c>dependencies</c> section shows what the gateway served;
/// docs/simulated-dependencies.md ("What a dependency does to an API") explains the numbers.
/// </summary>
public sealed class CheckoutStressTests
{
    [StressSetup]
    public static Task StartAsync(StressSetupContext setup, CancellationToken ct) => PaymentGatewaySimulation.StartAsync(setup, ct);

    [StressTeardown]
    public static Task StopAsync() => PaymentGatewaySimulation.StopAsync();

    /// <summary>No policy: the gateway's failures pass straight through. The API's error rate is the gateway's (2 %
    /// answered 502, 0.5 % hanging until this test's 1 s Timeout), its latency the gateway's plus a millisecond.</summary>
    [StressTest(Rate = 200, Duration = "1.5s", WarmUp = "500ms", Timeout = "1s", Category = "Gateway")]
    [Threshold("p50 < 150ms")]
    [Threshold("error_rate < 8%")]
    [Threshold("dropped == 0")]
    public static Task Checkout(StressContext ctx, CancellationToken ct) =>
        CheckoutAsync(ctx.GetHttpClient(PaymentGatewaySimulation.WithoutPolicy), "POST /checkout (no policy)", ctx, ct);

    /// <summary>The API's timeout and retry pipeline (1 s per attempt, 2 retries 50 ms apart): a 503 or a hang is retried,
    /// so errors fall to about the chance that every attempt fails, and the hangs move from errors into the tail, each
    /// costing the 1 s attempt timeout plus a retry.</summary>
    [StressTest(Rate = 200, Duration = "1.5s", WarmUp = "500ms", Timeout = "3s", Category = "Gateway")]
    [Threshold("p50 < 150ms")]
    [Threshold("p99 < 2s")]
    [Threshold("error_rate < 1%")]
    [Threshold("dropped == 0")]
    public static Task CheckoutWithRetries(StressContext ctx, CancellationToken ct) =>
        CheckoutAsync(ctx.Http, "POST /checkout (retries)", ctx, ct);

    // A 502 or 504 from the API needs no check here: any status outside 2xx makes the invocation an error. The
    // endpoint is named so the report tells the two APIs apart (one of them listens on a port chosen per run).
    private static async Task CheckoutAsync(HttpClient shop, string endpoint, StressContext ctx, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "checkout")
        {
            Content = JsonContent.Create(new CheckoutRequest(ProductId: (int)(ctx.Iteration % 50) + 1, Quantity: 1)),
        };
        request.Options.Set(StressHttp.EndpointName, endpoint);
        using var response = await shop.SendAsync(request, ct);
    }
}

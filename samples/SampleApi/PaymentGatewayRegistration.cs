// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SampleApi;

/// <summary>
/// Registers the payment gateway's client. Configuration, read when the client is first built (so a test host's
/// settings, applied after <c>Program</c> ran, count too): <c>PaymentGateway:BaseUrl</c> (default
/// http://127.0.0.1:5090/, where <c>stresstest mock</c> serves the sample's profile) and
/// <c>PaymentGateway:Resilience</c>, <c>timeout-retry</c> (default) or <c>none</c>.
/// </summary>
public static class PaymentGatewayRegistration
{
    public const string DefaultBaseUrl = "http://127.0.0.1:5090/";

    public static IServiceCollection AddPaymentGateway(this IServiceCollection services)
    {
        services.AddHttpClient<PaymentGatewayClient>(PaymentGatewayClient.Name, (provider, http) =>
                http.BaseAddress = new Uri(Setting(provider, "BaseUrl") ?? DefaultBaseUrl))
            .AddResilienceHandler("timeout-retry", (pipeline, context) =>
            {
                if (string.Equals(Setting(context.ServiceProvider, "Resilience"), "none", StringComparison.OrdinalIgnoreCase))
                {
                    return;   // an empty pipeline: the gateway's failures reach the checkout as they are
                }

                // Tuned to a gateway answering in 40 ms median and 300 ms at p99: 3 s in all; an attempt that takes
                // 1 s (over 3× p99) is abandoned and retried, up to 2 retries 50 ms apart (exponential, with jitter).
                // Retried: 5xx, 408, 429, attempt timeouts, transport errors.
                pipeline
                    .AddTimeout(TimeSpan.FromSeconds(3))
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(50), BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                    .AddTimeout(TimeSpan.FromSeconds(1));
            });
        return services;
    }

    private static string? Setting(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IConfiguration>()["PaymentGateway:" + name];
}

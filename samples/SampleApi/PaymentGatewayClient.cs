// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace SampleApi;

/// <summary>
/// The shop's client of a third-party payment gateway: <c>POST {PaymentGateway:BaseUrl}v1/charges</c>. A typed client
/// over the named <see cref="HttpClient"/> <c>payment-gateway</c> (see <see cref="PaymentGatewayRegistration"/>), so
/// the pipeline — and in tests the simulated gateway — is configured where .NET teams configure it.
/// </summary>
internal sealed class PaymentGatewayClient(HttpClient http)
{
    public const string Name = "payment-gateway";

    /// <summary>Charges <paramref name="amount"/>; the gateway's answer, or what went wrong on the way to it.</summary>
    public async Task<ChargeResult> ChargeAsync(decimal amount, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/charges")
        {
            Content = JsonContent.Create(new ChargeRequest(amount, "EUR")),
        };

        // One key per charge, kept by every retry of it: a gateway that already charged answers the retry with the
        // same charge instead of charging twice. Retrying a POST without one would be a bug, not a resilience policy.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return new ChargeResult(null, (int)response.StatusCode);
        }

        var charge = await response.Content.ReadFromJsonAsync<ChargeResponse>(ct);
        return new ChargeResult(charge?.Id ?? "unknown", (int)response.StatusCode);
    }

    private sealed record ChargeRequest(decimal Amount, string Currency);

    private sealed record ChargeResponse(string Id, string Status);
}

/// <summary>A charge's outcome: its id when the gateway charged, else null and the gateway's status code.</summary>
internal sealed record ChargeResult(string? ChargeId, int GatewayStatus);

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Http.HttpResults;
using Polly.Timeout;

namespace SampleApi;

/// <summary>POST /checkout: prices the product and charges it through the payment gateway.</summary>
internal static class CheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCheckoutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/checkout", CheckoutAsync);
        return endpoints;
    }

    /// <summary>200 with the receipt when the gateway charged; 400 for a bad request; 502 when the gateway answered
    /// with an error or the connection failed; 504 when it did not answer in time.</summary>
    private static async Task<Results<Ok<CheckoutReceipt>, ValidationProblem, ProblemHttpResult>> CheckoutAsync(
        CheckoutRequest request, Catalog catalog, PaymentGatewayClient gateway, CancellationToken ct)
    {
        if (catalog.Find(request.ProductId) is not { } product || request.Quantity is < 1 or > OrderEndpoints.MaxQuantity)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["request"] = [$"Expected a known productId and a quantity from 1 to {OrderEndpoints.MaxQuantity}."],
            });
        }

        var amount = product.Price * request.Quantity;
        try
        {
            var charge = await gateway.ChargeAsync(amount, ct);
            return charge.ChargeId is { } id
                ? TypedResults.Ok(new CheckoutReceipt(product.Id, request.Quantity, amount, id))
                : TypedResults.Problem($"The payment gateway answered {charge.GatewayStatus}.", statusCode: StatusCodes.Status502BadGateway);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return TypedResults.Problem("The payment gateway did not answer in time.", statusCode: StatusCodes.Status504GatewayTimeout);
        }
        catch (HttpRequestException)
        {
            return TypedResults.Problem("The payment gateway could not be reached.", statusCode: StatusCodes.Status502BadGateway);
        }
    }
}

/// <summary>The body of POST /checkout.</summary>
public sealed record CheckoutRequest(int ProductId, int Quantity);

/// <summary>What POST /checkout returns when the charge went through.</summary>
public sealed record CheckoutReceipt(int ProductId, int Quantity, decimal Amount, string ChargeId);

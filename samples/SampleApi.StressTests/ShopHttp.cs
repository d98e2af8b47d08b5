// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Http.Json;

namespace SampleApi.StressTests;

/// <summary>
/// <c>EnsureSuccessStatusCode</c> that keeps the API's reason: the problem details' title and detail go into the
/// exception's message, so the error breakdown says <c>HTTP 503 ×37: … database is locked</c>, not only the status.
/// </summary>
internal static class ShopHttp
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<Problem>(ct)
            : null;
        var request = response.RequestMessage;
        throw new HttpRequestException(
            $"{request?.Method} {request?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {problem?.Title ?? response.ReasonPhrase}{(problem?.Detail is { } detail ? " (" + detail + ")" : string.Empty)}",
            inner: null,
            response.StatusCode);
    }

    private sealed record Problem(string? Title, string? Detail);
}

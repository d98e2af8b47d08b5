// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers.Http;

/// <summary>
/// The base address <c>StressContext.Http</c> gets when the run has none: a host that cannot exist (<c>.invalid</c>,
/// RFC 2606), so a relative request resolves to it instead of failing inside HttpClient with "An invalid request URI was
/// provided", which named neither the setting nor the fix. The measuring handler recognises it, stops the run at the
/// first such request and fails the test with the three ways to set a base address.
/// </summary>
internal static class NoBaseAddress
{
    public static Uri Uri { get; } = new("http://no-base-address.stresstest.invalid/");

    /// <summary>Whether <paramref name="request"/> went to the placeholder: it was relative and there is no base address.</summary>
    public static bool IsTarget(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri && string.Equals(uri.Host, Uri.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The problem: what was sent and where a base address comes from.</summary>
    public static string Problem(HttpRequestMessage request) =>
        $"StressContext.Http sent {request.Method} {request.RequestUri!.PathAndQuery}, a relative URI, but the run has no base address: "
        + "set the BaseUrl setting (dotnet test -- StressTest.BaseUrl=http://127.0.0.1:5000/), the STRESSTEST_BASEURL environment variable, "
        + "or StressSetupContext.BaseAddress in [StressSetup]; or send absolute URIs.";
}

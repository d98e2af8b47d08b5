// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>Options a test can set on its HTTP requests.</summary>
public static class StressHttp
{
    /// <summary>
    /// Names the endpoint a request is reported under, instead of its method and path template. Use it when the
    /// path carries something the automatic id collapsing does not recognise (a slug, a search term):
    /// <c>request.Options.Set(StressHttp.EndpointName, "GET /products/{slug}")</c>.
    /// </summary>
    public static HttpRequestOptionsKey<string> EndpointName { get; } = new("StressTest.EndpointName");
}

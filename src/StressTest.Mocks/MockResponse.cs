// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks;

/// <summary>What a simulated dependency answers: a status code, a body and headers.</summary>
/// <example><code>
/// new MockResponse(201, """{"id":"ch_1","status":"succeeded"}""") { Headers = { ["Content-Type"] = "application/json" } }
/// </code></example>
public sealed class MockResponse
{
    /// <summary>A response.</summary>
    /// <param name="status">The HTTP status code, 100 to 599.</param>
    /// <param name="body">The body, sent as UTF-8; default none.</param>
    /// <exception cref="ArgumentException">The status is not an HTTP status code.</exception>
    public MockResponse(int status = 200, string? body = null)
    {
        Status = Check.StatusCode(status);
        Body = body ?? string.Empty;
    }

    /// <summary>The HTTP status code.</summary>
    /// <value>100 to 599; default 200.</value>
    public int Status { get; }

    /// <summary>The body, sent as UTF-8.</summary>
    /// <value>Default empty.</value>
    public string Body { get; }

    /// <summary>Response headers by name (case-insensitive), for example <c>Retry-After</c> or <c>Content-Type</c>.
    /// Without a <c>Content-Type</c>, a body is sent as <c>text/plain; charset=utf-8</c>.</summary>
    /// <value>Default none.</value>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A response with a JSON body and <c>Content-Type: application/json</c>.</summary>
    /// <param name="status">The HTTP status code, 100 to 599.</param>
    /// <param name="json">The body, JSON text (not checked).</param>
    /// <returns>The response.</returns>
    public static MockResponse Json(int status, string json) =>
        new(status, json) { Headers = { ["Content-Type"] = "application/json" } };

    /// <inheritdoc/>
    public override string ToString() =>
        Body.Length == 0
            ? Status.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Status} with {Body.Length} characters of body");
}

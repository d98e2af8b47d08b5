// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Simulation;

namespace StressTest.Mocks;

/// <summary>
/// One endpoint of a simulated dependency: the requests it matches (method and path template), what it answers,
/// how long it takes and how it fails.
/// </summary>
/// <example><code>
/// new MockRoute("POST", "/v1/charges")
/// {
///     Response = MockResponse.Json(201, """{"status":"succeeded"}"""),
///     Latency = Latency.LogNormal(median: TimeSpan.FromMilliseconds(40), p99: TimeSpan.FromMilliseconds(300)),
///     Failures = { Failure.Status(503, 0.02), Failure.Timeout(0.005) },
/// }
/// </code></example>
public sealed class MockRoute
{
    private readonly double? _rateLimit;

    /// <summary>A route.</summary>
    /// <param name="method">The HTTP method (case-insensitive), or <c>*</c> for any.</param>
    /// <param name="path">The path template: literal segments (case-insensitive), <c>{name}</c> for any one
    /// segment, and a last <c>{*name}</c> for the rest of the path: <c>/v1/charges/{id}</c>, <c>/files/{*path}</c>.
    /// The query string is ignored.</param>
    /// <exception cref="ArgumentException">The method or the template is malformed.</exception>
    public MockRoute(string method, string path)
    {
        Method = Check.Name(method, "method", 20).ToUpperInvariant();
        if (Method != "*" && !Method.All(c => char.IsAsciiLetter(c) || c == '-'))
        {
            throw new MockDefinitionException("method", $"\"{Check.Shorten(method)}\" is not an HTTP method; expected a word such as GET or POST, or * for any");
        }

        Template = PathTemplate.Parse(path);
        Path = path;
    }

    /// <summary>The HTTP method, upper case, or <c>*</c>.</summary>
    public string Method { get; }

    /// <summary>The path template.</summary>
    public string Path { get; }

    /// <summary>What a request that does not fail gets.</summary>
    /// <value>Default 200 with no body.</value>
    public MockResponse Response { get; init; } = new();

    /// <summary>How long before the answer (and before a failure shows, unless the failure has its own).</summary>
    /// <value>Default none (constant 0).</value>
    public Latency Latency { get; init; } = Latency.Constant(TimeSpan.Zero);

    /// <summary>How the route fails and how often; the probabilities add up to at most 1.</summary>
    /// <value>Default none.</value>
    public IList<Failure> Failures { get; } = new List<Failure>();

    /// <summary>Above this many requests per second the route answers <c>429 Too Many Requests</c> with a
    /// <c>Retry-After</c>, at once (a token bucket holding one second of requests, refilled continuously). Rejected
    /// requests draw nothing from the random sequence.</summary>
    /// <value>Requests per second, more than 0; default none.</value>
    public double? RateLimit
    {
        get => _rateLimit;
        init => _rateLimit = value is { } limit ? Check.Positive(limit, "rateLimit", "requests per second") : null;
    }

    /// <summary>The parsed template.</summary>
    internal PathTemplate Template { get; }

    /// <summary>How the route is named in counts and reports: <c>POST /v1/charges</c>.</summary>
    public override string ToString() => Method + " " + Path;
}

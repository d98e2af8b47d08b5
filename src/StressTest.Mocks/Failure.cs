// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks;

/// <summary>
/// A way a simulated dependency fails, and how often: an error response, a request that never gets an answer, a
/// connection reset, or a body that trickles in. Each request draws one outcome; the probabilities of a route's
/// failures add up to at most 1 and the rest of the requests succeed.
/// </summary>
/// <remarks>A failure waits the route's latency before it shows, unless <see cref="After"/> gives it its own:
/// <c>Failure.Status(503, 0.02).After(Latency.Constant(TimeSpan.FromSeconds(2)))</c> is a 503 after 2 s.</remarks>
public sealed class Failure
{
    private Failure(FailureKind kind, double probability, MockResponse? response = null, int bytesPerSecond = 0, Latency? latency = null)
    {
        Kind = kind;
        Probability = Check.Probability(probability);
        Response = response;
        BytesPerSecond = bytesPerSecond;
        Latency = latency;
    }

    /// <summary>What happens.</summary>
    internal FailureKind Kind { get; }

    /// <summary>The share of the route's requests that fail so, 0 to 1.</summary>
    internal double Probability { get; }

    /// <summary><see cref="FailureKind.Status"/>: what is sent.</summary>
    internal MockResponse? Response { get; }

    /// <summary><see cref="FailureKind.SlowBody"/>: how fast the body comes.</summary>
    internal int BytesPerSecond { get; }

    /// <summary>Its own latency; null: the route's.</summary>
    internal Latency? Latency { get; }

    /// <summary>Answers with <paramref name="statusCode"/> (and no body) instead of the route's response.</summary>
    /// <param name="statusCode">The HTTP status code, 100 to 599, e.g. 503.</param>
    /// <param name="probability">The share of requests, 0 to 1 (0.02 is 2 %).</param>
    /// <returns>The failure.</returns>
    public static Failure Status(int statusCode, double probability) => new(FailureKind.Status, probability, new MockResponse(statusCode));

    /// <summary>Answers with <paramref name="response"/> (status, body, headers: a 429 with <c>Retry-After</c>)
    /// instead of the route's response.</summary>
    /// <param name="response">What is sent.</param>
    /// <param name="probability">The share of requests, 0 to 1.</param>
    /// <returns>The failure.</returns>
    public static Failure Status(MockResponse response, double probability)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(FailureKind.Status, probability, response);
    }

    /// <summary>Never answers: the request hangs until the caller gives up (its timeout or cancellation) or the mock
    /// stops. What a caller without a timeout of its own experiences as a hang.</summary>
    /// <param name="probability">The share of requests, 0 to 1.</param>
    /// <returns>The failure.</returns>
    public static Failure Timeout(double probability) => new(FailureKind.Timeout, probability);

    /// <summary>After the latency, resets the connection without an answer: the caller sees
    /// <c>HttpRequestException</c> with a connection reset (in-process: a <c>SocketException</c> with
    /// <c>ConnectionReset</c> as its inner cause, as <c>SocketsHttpHandler</c> reports it).</summary>
    /// <param name="probability">The share of requests, 0 to 1.</param>
    /// <returns>The failure.</returns>
    public static Failure ConnectionReset(double probability) => new(FailureKind.ConnectionReset, probability);

    /// <summary>Sends the route's response headers after the latency, then its body at
    /// <paramref name="bytesPerSecond"/> (in chunks about every 100 ms): a caller that reads the body waits for all
    /// of it. The route's response needs a body.</summary>
    /// <param name="probability">The share of requests, 0 to 1.</param>
    /// <param name="bytesPerSecond">The body's pace, 1 or more.</param>
    /// <returns>The failure.</returns>
    public static Failure SlowBody(double probability, int bytesPerSecond) =>
        new(FailureKind.SlowBody, probability, bytesPerSecond: (int)Check.Positive(bytesPerSecond, "bytesPerSecond", "bytes per second"));

    /// <summary>The same failure, shown after its own latency instead of the route's (a 503 after 2 s).</summary>
    /// <param name="latency">How long before the failure shows.</param>
    /// <returns>A new failure; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A timeout never shows, so it takes no latency.</exception>
    public Failure After(Latency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        if (Kind == FailureKind.Timeout)
        {
            throw new MockDefinitionException("latency", "a timeout never answers, so it takes no latency");
        }

        return new(Kind, Probability, Response, BytesPerSecond, latency);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var what = Kind switch
        {
            FailureKind.Status => string.Create(CultureInfo.InvariantCulture, $"status {Response!.Status}"),
            FailureKind.Timeout => "timeout",
            FailureKind.ConnectionReset => "connection reset",
            _ => string.Create(CultureInfo.InvariantCulture, $"slow body at {BytesPerSecond} B/s"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} {Probability * 100:0.###} %") + (Latency is null ? string.Empty : $" after {Latency}");
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.InProcess;
using StressTest.Mocks.Simulation;
using StressTest.Mocks.Timing;

namespace StressTest.Mocks;

/// <summary>
/// A <see cref="MockProfile"/> running: the routes' random sequences, rate limits and counts. Serve it in process with
/// <see cref="CreateHandler"/>, or over HTTP with <see cref="MockServer"/> (which holds one).
/// </summary>
/// <example><code>
/// var gateway = new MockDependency(MockProfile.Load("payment-gateway.json"));
/// // After the API's own registration (and its resilience handler): handlers added later sit further in.
/// services.AddHttpClient("payment-gateway").AddHttpMessageHandler(gateway.CreateHandler);
/// setup.ReportDependency(gateway.Name, () => gateway.Served);   // its counts in the stress test's report
/// </code></example>
public sealed class MockDependency
{
    private readonly RouteSimulation[] _routes;
    private long _unmatched;

    /// <summary>Checks the profile and prepares its routes.</summary>
    /// <param name="profile">The profile; later changes to it are not seen.</param>
    /// <param name="timeProvider">The clock for latencies and rate limits; default the system clock (with delays
    /// accurate to about half a millisecond).</param>
    /// <exception cref="ArgumentException">The profile cannot be served (failure probabilities above 1, a slow body
    /// without a body, a malformed header); the message names the route and the field.</exception>
    public MockDependency(MockProfile profile, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Name = profile.Name;
        Time = timeProvider ?? TimeProvider.System;
        Delays = Delays.For(Time);
        _routes = new RouteSimulation[profile.Routes.Count];
        for (var i = 0; i < _routes.Length; i++)
        {
            var route = profile.Routes[i] ?? throw new MockDefinitionException($"routes[{i}]", "is missing");
            try
            {
                _routes[i] = new RouteSimulation(route, profile.Seed, i, Time);
            }
            catch (MockDefinitionException ex)
            {
                throw ex.Within($"routes[{i}]");
            }
        }
    }

    /// <summary>The dependency's name, from the profile.</summary>
    public string Name { get; }

    /// <summary>
    /// What it served so far, per route and outcome, in the profile's order: <c>"POST /v1/charges 201"</c> (the
    /// route's response), <c>"… 503"</c> (a status failure), <c>"… timeout"</c>, <c>"… reset"</c>,
    /// <c>"… slow body"</c>, <c>"… rate limited 429"</c> (with a rate limit), and <c>"unmatched 404"</c> when a request
    /// matched no route. Outcomes are counted when decided, so a request still waiting is counted.
    /// </summary>
    /// <value>A snapshot; reading it is cheap and thread-safe.</value>
    public IReadOnlyDictionary<string, long> Served
    {
        get
        {
            var counts = new OrderedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var (name, count) in _routes.SelectMany(r => r.Counts()))
            {
                counts[name] = counts.GetValueOrDefault(name) + count;   // two failures with one label count together
            }

            if (Interlocked.Read(ref _unmatched) is > 0 and var unmatched)
            {
                counts["unmatched 404"] = unmatched;
            }

            return counts;
        }
    }

    internal TimeProvider Time { get; }

    internal Delays Delays { get; }

    /// <summary>
    /// A handler that answers every request itself, as the profile says, and never sends anything on: add it to the
    /// dependency's <c>IHttpClientFactory</c> registration (<c>AddHttpMessageHandler(mock.CreateHandler)</c>, after
    /// any resilience handler so retries go through the mock) or use it as a client's handler. All handlers of one
    /// <see cref="MockDependency"/> share its sequences and counts, so the factory's handler rotation loses nothing.
    /// </summary>
    /// <returns>A new handler.</returns>
    public DelegatingHandler CreateHandler() => new MockHandler(this);

    /// <summary>Decides a request: the first route that matches, or 404 when none does.</summary>
    internal Decision Decide(string method, string path)
    {
        foreach (var route in _routes)
        {
            if (route.Matches(method, path))
            {
                return route.Decide();
            }
        }

        Interlocked.Increment(ref _unmatched);
        return Decision.NotFound;
    }

    /// <summary>Each route with its latency, failures and rate limit, for the command line.</summary>
    internal IReadOnlyList<string> RouteDescriptions => [.. _routes.Select(r => r.Describe())];
}

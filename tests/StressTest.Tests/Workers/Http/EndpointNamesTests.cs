// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>
/// Endpoint names that depend on the route's shape, never on random content (item 10 of issue 16): routes the test gives,
/// positions learned to vary, and names sent before that merged into their final name, whatever the order of requests.
/// </summary>
[TestClass]
public sealed class EndpointNamesTests
{
    private const string Base = "api.local";

    [TestMethod]
    [DataRow("/api/articles/{slug}", "GET", "/api/articles/how-to-bake", true)]
    [DataRow("/api/articles/{slug}", "POST", "/api/articles/how-to-bake", true)]
    [DataRow("GET /api/articles/{slug}", "POST", "/api/articles/how-to-bake", false)]
    [DataRow("/api/articles/{slug}", "GET", "/API/Articles/x", true)]
    [DataRow("/api/articles/{slug}", "GET", "/api/articles", false)]
    [DataRow("/api/articles/{slug}", "GET", "/api/articles/x/comments", false)]
    [DataRow("/api/articles/{slug}", "GET", "/api/articles/", false)]
    [DataRow("/", "GET", "/", true)]
    [DataRow("/", "GET", "/x", false)]
    public void Matches_RequestPath_MatchesSegmentForSegment(string template, string method, string path, bool expected)
    {
        Assert.IsTrue(RouteTemplate.TryParse(template, out var route, out var problem), problem);

        Assert.AreEqual(expected, route!.Matches(method, path));
    }

    [TestMethod]
    [DataRow("api/users", "route \"api/users\" is not a path starting with \"/\"")]
    [DataRow("/api/users?x=1", "route \"/api/users?x=1\" is not a path starting with \"/\" (no query, fragment, spaces or wildcards)")]
    [DataRow("/api/{id}x", "route \"/api/{id}x\" has the segment \"{id}x\"; a segment is literal text or one whole {parameter}")]
    [DataRow("/api//users", "has the segment \"\"")]
    [DataRow("G3T /x", "has \"G3T\" where a method such as GET belongs")]
    public void TryParse_MalformedRoute_NamesItAndWhatWasExpected(string text, string expected)
    {
        Assert.IsFalse(RouteTemplate.TryParse(text, out _, out var problem));

        Assert.Contains(expected, problem);
        Assert.Contains("such as \"/api/articles/{slug}\"", problem);
    }

    [TestMethod]
    public void NameEndpoints_MalformedRoute_ThrowsSoTheSetupFailsNamingIt()
    {
        var setup = new StressSetupContext();

        var error = Assert.ThrowsExactly<ArgumentException>(() => setup.NameEndpoints("/ok/{id}", "bad"));

        Assert.StartsWith("StressSetupContext.NameEndpoints: route \"bad\" is not a path", error.Message);
    }

    [TestMethod]
    public void Name_RequestMatchingARoute_IsNamedByTheRouteWithTheRequestsMethod()
    {
        var names = new EndpointNames(["/api/users/{name}", "DELETE /api/users/{name}/sessions/{id}"]);

        Assert.AreEqual("GET /api/users/{name}", Name(names, "GET", "/api/users/ann"));
        Assert.AreEqual("PUT /api/users/{name}", Name(names, "PUT", "/api/users/bob"));
        Assert.AreEqual("DELETE /api/users/{name}/sessions/{id}", Name(names, "DELETE", "/api/users/bob/sessions/abc"));
        Assert.AreEqual("GET /api/users/bob/sessions/abc", Name(names, "GET", "/api/users/bob/sessions/abc"), "the second route is for DELETE only");
    }

    [TestMethod]
    public void Name_PositionTakesMoreValuesThanARouteHasWords_BecomesIdFromThenOn()
    {
        var names = new EndpointNames([]);
        var first = Enumerable.Range(0, RouteLearner.MaxValues).Select(i => Name(names, "GET", $"/articles/slug-{Word(i)}")).ToList();

        var next = Name(names, "GET", "/articles/one-more");

        Assert.AreEqual(RouteLearner.MaxValues, first.Distinct().Count(), "up to the limit a value may be a route word");
        Assert.AreEqual("GET /articles/{id}", next);
        Assert.AreEqual("GET /articles/{id}", Name(names, "GET", "/articles/slug-" + Word(0)), "a value seen before is an id too now");
    }

    [TestMethod]
    public void Aliases_NamesSentBeforeThePositionVaried_MergeIntoTheFinalName()
    {
        var names = new EndpointNames([]);
        for (var i = 0; i <= RouteLearner.MaxValues; i++)
        {
            Name(names, "GET", $"/articles/slug-{Word(i)}");
        }

        var aliases = names.Aliases();

        Assert.HasCount(RouteLearner.MaxValues, aliases);
        Assert.IsTrue(aliases.All(a => a.To == "GET /articles/{id}"), string.Join(", ", aliases));
    }

    [TestMethod]
    public void FinalNames_SamePathsInAnyOrder_AreTheSame()
    {
        var paths = Enumerable.Range(0, 30).Select(i => $"/articles/{Word(i)}").Concat(["/articles/recent", "/orders/7", "/orders/recent"]).ToList();

        var forward = FinalNames(paths);
        var backward = FinalNames([.. Enumerable.Reverse(paths)]);
        var shuffled = FinalNames([.. paths.OrderBy(p => p.GetHashCode(StringComparison.Ordinal))]);

        Assert.AreSequenceEqual(new[] { "GET /articles/{id}", "GET /orders/recent", "GET /orders/{id}" }, forward);
        Assert.AreSequenceEqual(forward, backward);
        Assert.AreSequenceEqual(forward, shuffled);
    }

    [TestMethod]
    public void Name_NumbersUnderAPosition_DoNotMakeItsWordsIds()
    {
        var names = new EndpointNames([]);
        for (var i = 0; i < 100; i++)
        {
            Name(names, "GET", $"/orders/{i}");
        }

        Assert.AreEqual("GET /orders/recent", Name(names, "GET", "/orders/recent"), "ids by shape are not counted as words");
    }

    [TestMethod]
    public void Rename_AggregatorMergesAnAliasedEndpoint_ExactlyIntoItsFinalName()
    {
        var aggregator = new DetailAggregator();
        aggregator.Apply(Interval(("GET /articles/a", 3), ("GET /articles/{id}", 5)));

        aggregator.Rename([new EndpointAlias("GET /articles/a", "GET /articles/{id}"), new EndpointAlias("GET /gone", "GET /x")]);

        var endpoint = Assert.ContainsSingle(aggregator.Endpoints());
        Assert.AreEqual(("GET /articles/{id}", 8L, 8L), (endpoint.Name, endpoint.Count, endpoint.Latency.TotalCount));
    }

    private static string Name(EndpointNames names, string method, string path) =>
        EndpointNamer.Name(new HttpMethod(method), new Uri($"http://{Base}{path}"), Base, names);

    /// <summary>Every path once, then each name as it is finally reported (what the aggregator shows).</summary>
    private static string[] FinalNames(IReadOnlyList<string> paths)
    {
        var names = new EndpointNames([]);
        var sent = paths.Select(p => Name(names, "GET", p)).ToList();
        var aliases = names.Aliases().ToDictionary(a => a.From, a => a.To, StringComparer.Ordinal);
        return [.. sent.Select(n => aliases.GetValueOrDefault(n, n)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>A word of letters only (no digits: not an id by its shape).</summary>
    private static string Word(int i) => new([(char)('a' + (i % 26)), (char)('a' + (i / 26 % 26)), 'x']);

    private static IntervalTelemetry Interval(params (string Name, int Count)[] endpoints)
    {
        var encoded = endpoints.Select(e =>
        {
            var latency = LatencyHistograms.Create();
            latency.RecordValueWithCount(1000, e.Count);
            return new EndpointInterval(e.Name, HistogramCodec.Encode(latency), 0, [new StatusCount(200, e.Count)], 0, 0);
        });
        return new IntervalTelemetry(0, TimeSpan.Zero, TimeSpan.FromSeconds(1), HistogramCodec.Encode(LatencyHistograms.Create()), []) { Endpoints = [.. encoded] };
    }
}

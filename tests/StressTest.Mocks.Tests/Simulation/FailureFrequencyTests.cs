// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Tests.Simulation;

/// <summary>100,000 seeded decisions of a route: each failure's frequency within 3 standard errors of its probability.</summary>
[TestClass]
public sealed class FailureFrequencyTests
{
    private const int Requests = 100_000;

    [TestMethod]
    public void Decide_ManyRequests_EachOutcomeWithinThreeStandardErrorsOfItsProbability()
    {
        var route = Route(Failure.Status(503, 0.02), Failure.Timeout(0.005), Failure.ConnectionReset(0.01), Failure.SlowBody(0.001, 100), Failure.Status(MockResponse.Json(429, "{}"), 0.1));
        var simulation = new RouteSimulation(route, seed: 42, index: 0, TimeProvider.System);

        for (var i = 0; i < Requests; i++)
        {
            simulation.Decide();
        }

        var counts = simulation.Counts().ToDictionary(c => c.Key, c => c.Value);
        AssertFrequency(0.02, counts["POST /v1/charges 503"]);
        AssertFrequency(0.005, counts["POST /v1/charges timeout"]);
        AssertFrequency(0.01, counts["POST /v1/charges reset"]);
        AssertFrequency(0.001, counts["POST /v1/charges slow body"]);
        AssertFrequency(0.1, counts["POST /v1/charges 429"]);
        AssertFrequency(1 - 0.136, counts["POST /v1/charges 201"]);
        Assert.AreEqual(Requests, counts.Values.Sum());
    }

    [TestMethod]
    public void Decide_SameSeed_SameOutcomesAndLatencies()
    {
        var route = Route(Failure.Status(503, 0.2), Failure.Timeout(0.1));

        static List<(DecisionAction, TimeSpan, int?)> Run(MockRoute route, int seed)
        {
            var simulation = new RouteSimulation(route, seed, index: 0, TimeProvider.System);
            return [.. Enumerable.Range(0, 1000).Select(_ => simulation.Decide()).Select(d => (d.Action, d.Latency, d.Response?.Status))];
        }

        CollectionAssert.AreEqual(Run(route, 5), Run(route, 5));
        CollectionAssert.AreNotEqual(Run(route, 5), Run(route, 6));
    }

    [TestMethod]
    public void Decide_FailureWithItsOwnLatency_ComposesTheFailureAfterThatLatency()
    {
        var route = Route(Failure.Status(503, 1).After(Latency.Constant(TimeSpan.FromSeconds(2))));
        var simulation = new RouteSimulation(route, seed: 1, index: 0, TimeProvider.System);

        var decision = simulation.Decide();

        Assert.AreEqual(DecisionAction.Answer, decision.Action);
        Assert.AreEqual(503, decision.Response!.Status);
        Assert.AreEqual(TimeSpan.FromSeconds(2), decision.Latency);
    }

    [TestMethod]
    public void Decide_StatusFailureWithoutItsOwnLatency_TakesTheRoutesLatency()
    {
        var route = new MockRoute("GET", "/") { Latency = Latency.Constant(TimeSpan.FromMilliseconds(40)), Failures = { Failure.Status(500, 1) } };

        var decision = new RouteSimulation(route, seed: 1, index: 0, TimeProvider.System).Decide();

        Assert.AreEqual(500, decision.Response!.Status);
        Assert.AreEqual(TimeSpan.FromMilliseconds(40), decision.Latency);
    }

    [TestMethod]
    public void RouteSimulation_ProbabilitiesAboveOne_NamesTheirSum()
    {
        var ex = Assert.ThrowsExactly<MockDefinitionException>(() => new RouteSimulation(Route(Failure.Status(503, 0.7), Failure.Timeout(0.4)), 1, 0, TimeProvider.System));

        Assert.AreEqual("failures", ex.Field);
        Assert.AreEqual("the probabilities add up to 1.1, above 1; expected a sum of at most 1 (the rest of the requests succeed)", ex.Problem);
    }

    [TestMethod]
    public void RouteSimulation_ProbabilitiesAddingUpToOneInDecimal_Accepted() =>
        _ = new RouteSimulation(Route(Failure.Status(503, 0.1), Failure.Timeout(0.2), Failure.ConnectionReset(0.7)), 1, 0, TimeProvider.System);

    [TestMethod]
    public void Failure_BadProbability_NamesIt()
    {
        Assert.AreEqual("probability", Assert.ThrowsExactly<MockDefinitionException>(() => Failure.Timeout(double.NaN)).Field);
        Assert.AreEqual("probability", Assert.ThrowsExactly<MockDefinitionException>(() => Failure.Timeout(-0.1)).Field);
        Assert.AreEqual("probability", Assert.ThrowsExactly<MockDefinitionException>(() => Failure.Timeout(1.5)).Field);
        Assert.AreEqual("bytesPerSecond", Assert.ThrowsExactly<MockDefinitionException>(() => Failure.SlowBody(0.1, 0)).Field);
        Assert.AreEqual("latency", Assert.ThrowsExactly<MockDefinitionException>(() => Failure.Timeout(0.1).After(Latency.Constant(TimeSpan.Zero))).Field);
    }

    private static MockRoute Route(params Failure[] failures)
    {
        var route = new MockRoute("POST", "/v1/charges")
        {
            Response = MockResponse.Json(201, """{"status":"succeeded"}"""),
            Latency = Latency.LogNormal(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(300)),
        };
        foreach (var failure in failures)
        {
            route.Failures.Add(failure);
        }

        return route;
    }

    private static void AssertFrequency(double probability, long count)
    {
        var standardError = Math.Sqrt(Requests * probability * (1 - probability));
        Assert.IsLessThanOrEqualTo(3 * standardError, Math.Abs(count - (Requests * probability)), $"expected {probability:P2} of {Requests:N0}, got {count:N0}");
    }
}

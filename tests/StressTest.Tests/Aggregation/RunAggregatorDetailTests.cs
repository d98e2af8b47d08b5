// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Aggregation;

/// <summary>What the run aggregator added for HTTP: errors keep their category and their first and last time over
/// every agent, and endpoints, steps and checks reach the run's measurements.</summary>
[TestClass]
public sealed class RunAggregatorDetailTests
{
    [TestMethod]
    public void Complete_SameErrorKindFromTwoAgents_KeepsCategoryEarliestMessageAndWholeSpan()
    {
        var aggregator = new RunAggregator();
        // Agent B's interval arrives first, but agent A saw the error earlier.
        aggregator.Apply(Interval(0, Histogram(10, 10, 10), Error("HTTP 503", ErrorCategories.Http, 2, "from B", 0.4, 0.9)));
        aggregator.Apply(Interval(0, Histogram(10, 10), Error("HTTP 503", ErrorCategories.Http, 1, "from A", 0.1, 0.1)));
        aggregator.Apply(Interval(1, Histogram(10), Error("HTTP 503", ErrorCategories.Http, 4, "later", 1.2, 1.8)));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(2), 0, false, []));

        var m = aggregator.Complete();

        var error = Assert.ContainsSingle(m.ErrorsByKind);
        Assert.AreEqual("HTTP 503", error.Kind);
        Assert.AreEqual(ErrorCategories.Http, error.Category);
        Assert.AreEqual(7, error.Count);
        Assert.AreEqual("from A", error.FirstMessage);
        Assert.AreEqual(TimeSpan.FromSeconds(0.1), error.FirstAt);
        Assert.AreEqual(TimeSpan.FromSeconds(1.8), error.LastAt);
        Assert.AreEqual(7, m.Errors);
    }

    [TestMethod]
    public void Complete_ErrorsOfSeveralKinds_KeepEachCategoryMostFrequentFirst()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(
            0,
            Histogram(10, 10, 10, 10, 10, 10),
            Error("connection refused", ErrorCategories.ConnectionRefused, 1, "refused", 0.5, 0.5),
            Error("failed check", ErrorCategories.Check, 3, "Assert.AreEqual failed", 0.2, 0.8),
            Error("System.InvalidOperationException", ErrorCategories.Exception, 1, "bad", 0.3, 0.3)));

        var m = aggregator.Complete();

        Assert.AreSequenceEqual(
            new[] { ("failed check", "check"), ("System.InvalidOperationException", "exception"), ("connection refused", "connection_refused") },
            m.ErrorsByKind.Select(e => (e.Kind, e.Category)).ToArray());
    }

    [TestMethod]
    public void Complete_StuckInvocations_AreAStuckErrorAtTheEndOfTheMeasuredWindow()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(0, Histogram(10)));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(3), 2, false, []));

        var stuck = Assert.ContainsSingle(aggregator.Complete().ErrorsByKind);

        Assert.AreEqual(ErrorCategories.Stuck, stuck.Category);
        Assert.AreEqual(TimeSpan.FromSeconds(3), stuck.FirstAt);
        Assert.AreEqual(TimeSpan.FromSeconds(3), stuck.LastAt);
    }

    [TestMethod]
    public void Complete_DetailsOfTwoAgents_ReachTheMeasurementsMerged()
    {
        var aggregator = new RunAggregator();
        var requests = HistogramCodec.Encode(Histogram(5, 6));
        var steps = HistogramCodec.Encode(Histogram(20, 30));
        aggregator.Apply(Interval(0, Histogram(40, 40)) with
        {
            Endpoints = [new("GET /orders", requests, 0, [new(200, 2)], 300, 0)],
            Steps = [new("list", steps, 0)],
            Checks = [new("status is 200", 2, 0, false)],
        });
        aggregator.Apply(Interval(0, Histogram(40, 40)) with
        {
            Endpoints = [new("GET /orders", requests, 1, [new(200, 1), new(500, 1)], 100, 0)],
            Steps = [new("list", steps, 1)],
            Checks = [new("status is 200", 1, 1, false)],
            FailedCheckInvocations = 1,
        });
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1), 0, false, []));

        var m = aggregator.Complete();

        var endpoint = Assert.ContainsSingle(m.Endpoints);
        Assert.AreEqual(4, endpoint.Count);
        Assert.AreEqual(1, endpoint.Errors);
        Assert.AreEqual(400, endpoint.BytesIn);
        var step = Assert.ContainsSingle(m.Steps);
        Assert.AreEqual(4, step.Count);
        Assert.AreEqual(1, step.Errors);
        Assert.AreEqual(new CheckMeasurement("status is 200", 3, 1, false), Assert.ContainsSingle(m.Checks));
        Assert.AreEqual(1, m.FailedCheckInvocations);
        Assert.AreEqual(4, m.Count);
        Assert.AreEqual(0.75, m.ChecksRate, "3 of 4 invocations held all their checks");
    }

    [TestMethod]
    public void Complete_NothingMeasured_ChecksRateIsNaN()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1), 0, false, []));

        var m = aggregator.Complete();

        Assert.IsTrue(double.IsNaN(m.ChecksRate));
        Assert.IsEmpty(m.Endpoints);
        Assert.IsEmpty(m.Steps);
        Assert.IsEmpty(m.Checks);
    }

    private static ErrorCount Error(string kind, string category, long count, string message, double first, double last) =>
        new(kind, count, message) { Category = category, FirstAt = TimeSpan.FromSeconds(first), LastAt = TimeSpan.FromSeconds(last) };

    private static IntervalTelemetry Interval(int index, HistogramBase latency, params ErrorCount[] errors) =>
        new(index, TimeSpan.FromSeconds(index), TimeSpan.FromSeconds(index + 1), HistogramCodec.Encode(latency), errors);

    private static LongHistogram Histogram(params long[] milliseconds)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var ms in milliseconds)
        {
            histogram.RecordValue(ms * 1000);
        }

        return histogram;
    }
}

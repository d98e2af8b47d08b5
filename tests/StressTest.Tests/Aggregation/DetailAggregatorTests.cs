// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Aggregation;

/// <summary>Endpoints, steps and checks of many intervals and agents add up exactly into whole-run totals.</summary>
[TestClass]
public sealed class DetailAggregatorTests
{
    [TestMethod]
    public void Apply_SameEndpointFromTwoAgents_AddsExactlyAsIfRecordedInOnePlace()
    {
        var direct = LatencyHistograms.Create();
        var a = Record(direct, Enumerable.Range(1, 300).Select(i => i * 17L));
        var b = Record(direct, Enumerable.Range(1, 100).Select(i => 40_000 + (i * 311L)));
        var aggregator = new DetailAggregator();

        aggregator.Apply(Interval(endpoints: [new("GET /orders/{id}", HistogramCodec.Encode(a), 1, [new(200, 290), new(500, 10)], 1_000, 10)]));
        aggregator.Apply(Interval(endpoints: [new("GET /orders/{id}", HistogramCodec.Encode(b), 4, [new(200, 95), new(0, 4), new(503, 1)], 500, 0)]));

        var endpoint = Assert.ContainsSingle(aggregator.Endpoints());
        Assert.AreEqual("GET /orders/{id}", endpoint.Name);
        Assert.AreEqual(direct.TotalCount, endpoint.Latency.TotalCount);
        foreach (var percentile in new[] { 0.0, 50, 90, 99, 99.9, 100 })
        {
            Assert.AreEqual(direct.GetValueAtPercentile(percentile), endpoint.Latency.GetValueAtPercentile(percentile), $"p{percentile}");
        }

        Assert.AreEqual(LatencySummary.From(direct), endpoint.Summary);
        Assert.AreSequenceEqual(
            new[] { new KeyValuePair<int, long>(0, 4), new(200, 385), new(500, 10), new(503, 1) },
            endpoint.StatusCodes.ToArray(),
            "status codes summed and ascending");
        Assert.AreEqual(400, endpoint.Count);
        Assert.AreEqual(5, endpoint.Errors);
        Assert.AreEqual(1_500, endpoint.BytesIn);
        Assert.AreEqual(10, endpoint.BytesOut);
    }

    [TestMethod]
    public void Apply_StepOverTwoIntervals_AddsHistogramsAndErrors()
    {
        var direct = LatencyHistograms.Create();
        var first = Record(direct, [10_000, 20_000, 30_000]);
        var second = Record(direct, [40_000, 50_000]);
        var aggregator = new DetailAggregator();

        aggregator.Apply(Interval(steps: [new("checkout", HistogramCodec.Encode(first), 1)]));
        aggregator.Apply(Interval(steps: [new("checkout", HistogramCodec.Encode(second), 2)]));

        var step = Assert.ContainsSingle(aggregator.Steps());
        Assert.AreEqual("checkout", step.Name);
        Assert.AreEqual(5, step.Count);
        Assert.AreEqual(3, step.Errors);
        Assert.AreEqual(LatencySummary.From(direct), step.Summary);
    }

    [TestMethod]
    public void Apply_ChecksFromTwoAgents_AreSummedPerNameAndKind()
    {
        var aggregator = new DetailAggregator();

        aggregator.Apply(Interval(checks: [new("status is 200", 90, 10, false), new("expected 200", 0, 3, true)], failedCheckInvocations: 12));
        aggregator.Apply(Interval(checks: [new("status is 200", 45, 5, false), new("expected 200", 0, 1, true), new("expected 200", 7, 0, false)], failedCheckInvocations: 6));

        var checks = aggregator.Checks();
        Assert.AreSequenceEqual(
            new[]
            {
                new CheckMeasurement("expected 200", 7, 0, false),
                new CheckMeasurement("status is 200", 135, 15, false),
                new CheckMeasurement("expected 200", 0, 4, true),
            },
            checks.ToArray());
        Assert.AreEqual(18, aggregator.FailedCheckInvocations);
    }

    [TestMethod]
    public void Endpoints_MostRequestedFirstThenByName()
    {
        var aggregator = new DetailAggregator();
        var one = HistogramCodec.Encode(Record(LatencyHistograms.Create(), [1_000]));
        var two = HistogramCodec.Encode(Record(LatencyHistograms.Create(), [1_000, 2_000]));

        aggregator.Apply(Interval(endpoints:
        [
            new("GET /b", one, 0, [new(200, 1)], 0, 0),
            new("GET /a", one, 0, [new(200, 1)], 0, 0),
            new("GET /busy", two, 0, [new(200, 2)], 0, 0),
        ]));

        Assert.AreSequenceEqual(new[] { "GET /busy", "GET /a", "GET /b" }, aggregator.Endpoints().Select(e => e.Name).ToArray());
    }

    [TestMethod]
    public void Steps_AreOrderedByNameOrdinally()
    {
        var aggregator = new DetailAggregator();
        var one = HistogramCodec.Encode(Record(LatencyHistograms.Create(), [1_000]));

        aggregator.Apply(Interval(steps: [new("list", one, 0), new("Create", one, 0), new("get", one, 0)]));

        Assert.AreSequenceEqual(new[] { "Create", "get", "list" }, aggregator.Steps().Select(s => s.Name).ToArray());
    }

    [TestMethod]
    public void Checks_SoftByNameThenAssertionsMostFailedFirst()
    {
        var aggregator = new DetailAggregator();

        aggregator.Apply(Interval(checks:
        [
            new("rare assertion", 0, 1, true),
            new("z soft", 1, 0, false),
            new("common assertion", 0, 9, true),
            new("a soft", 1, 1, false),
        ]));

        Assert.AreSequenceEqual(
            new[] { "a soft", "z soft", "common assertion", "rare assertion" },
            aggregator.Checks().Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void Apply_NothingNamed_LeavesEverythingEmpty()
    {
        var aggregator = new DetailAggregator();

        aggregator.Apply(Interval());

        Assert.IsEmpty(aggregator.Endpoints());
        Assert.IsEmpty(aggregator.Steps());
        Assert.IsEmpty(aggregator.Checks());
        Assert.AreEqual(0, aggregator.FailedCheckInvocations);
        Assert.ThrowsExactly<ArgumentNullException>(() => aggregator.Apply(null!));
    }

    private static LongHistogram Record(LongHistogram direct, IEnumerable<long> values)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var value in values)
        {
            histogram.RecordValue(value);
            direct.RecordValue(value);
        }

        return histogram;
    }

    private static IntervalTelemetry Interval(
        IReadOnlyList<EndpointInterval>? endpoints = null,
        IReadOnlyList<StepInterval>? steps = null,
        IReadOnlyList<CheckInterval>? checks = null,
        long failedCheckInvocations = 0) =>
        new(0, TimeSpan.Zero, TimeSpan.FromSeconds(1), HistogramCodec.Encode(LatencyHistograms.Create()), [])
        {
            Endpoints = endpoints ?? [],
            Steps = steps ?? [],
            Checks = checks ?? [],
            FailedCheckInvocations = failedCheckInvocations,
        };
}

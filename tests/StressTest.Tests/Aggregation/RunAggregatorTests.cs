// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Errors;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Aggregation;

/// <summary>Merging telemetry from one or many agents is exact and independent of how workers were spread.</summary>
[TestClass]
public sealed class RunAggregatorTests
{
    [TestMethod]
    public void Complete_TwoAgentsSameInterval_AddsExactlyAsIfRecordedDirectly()
    {
        var direct = LatencyHistograms.Create();
        var agentA = LatencyHistograms.Create();
        var agentB = LatencyHistograms.Create();
        for (long us = 1; us <= 3_000; us++)
        {
            agentA.RecordValue(us * 7);
            direct.RecordValue(us * 7);
        }

        for (long us = 1; us <= 1_000; us++)
        {
            agentB.RecordValue(50_000 + (us * 131));
            direct.RecordValue(50_000 + (us * 131));
        }

        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(0, 0, 1, agentA, new ErrorCount("timeout", 2, "first from A")));
        aggregator.Apply(Interval(0, 0.001, 1.002, agentB, new ErrorCount("timeout", 3, "first from B"), new ErrorCount("System.IO.IOException", 1, "io")));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1), 0, false, []));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1.002), 0, false, []));

        var m = aggregator.Complete();

        Assert.AreEqual(4_000, m.Count);
        Assert.AreEqual(direct.TotalCount, m.Latency.TotalCount);
        foreach (var percentile in new[] { 0.0, 25, 50, 75, 90, 95, 99, 99.9, 100 })
        {
            Assert.AreEqual(direct.GetValueAtPercentile(percentile), m.Latency.GetValueAtPercentile(percentile), $"p{percentile}");
        }

        Assert.AreEqual(LatencySummary.From(direct), m.Summary);
        var interval = Assert.ContainsSingle(m.Series);
        Assert.AreEqual(0, interval.Index);
        Assert.AreEqual(4_000, interval.Count);
        Assert.AreEqual(6, interval.Errors);
        Assert.AreEqual(0.0, interval.StartSeconds);
        Assert.AreEqual(1.002, interval.EndSeconds, 1e-9);
        Assert.AreEqual(LatencySummary.From(direct), interval.Latency);

        Assert.AreEqual(6, m.Errors);
        Assert.HasCount(2, m.ErrorsByKind);
        Assert.AreEqual(new ErrorSummary("timeout", 5, "first from A"), m.ErrorsByKind[0]);
        Assert.AreEqual(new ErrorSummary("System.IO.IOException", 1, "io"), m.ErrorsByKind[1]);
        Assert.AreEqual(TimeSpan.FromSeconds(1.002), m.Measured, "the longest window any agent measured");
    }

    [TestMethod]
    public void Complete_IntervalsArrivingOutOfOrder_AreSortedByIndex()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(2, 2, 3, Histogram(10, 10)));
        aggregator.Apply(Interval(0, 0, 1, Histogram(10)));
        aggregator.Apply(Interval(1, 1, 2, Histogram(10, 10, 10)));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(3), 0, false, []));

        var m = aggregator.Complete();

        Assert.AreSequenceEqual(new[] { 0, 1, 2 }, m.Series.Select(s => s.Index).ToArray());
        Assert.AreSequenceEqual(new[] { 1L, 3L, 2L }, m.Series.Select(s => s.Count).ToArray());
        Assert.AreEqual(2.0, m.Rps);
    }

    [TestMethod]
    public void Complete_ManyIntervals_EachKeepsItsOwnStatisticsAfterItsHistogramIsReleased()
    {
        var aggregator = new RunAggregator();
        for (var i = 0; i < 10; i++)
        {
            // Interval i holds values (i + 1) ms; earlier intervals are sealed into summaries as later ones arrive.
            aggregator.Apply(Interval(i, i, i + 1, Histogram((i + 1) * 1000, (i + 1) * 1000, (i + 1) * 1000)));
        }

        var m = aggregator.Complete();

        Assert.HasCount(10, m.Series);
        for (var i = 0; i < 10; i++)
        {
            Assert.AreEqual(3, m.Series[i].Count);
            Assert.AreEqual(i + 1, m.Series[i].Latency.P50, 0.01 * (i + 1), $"interval {i}");
        }

        Assert.AreEqual(30, m.Latency.TotalCount);
    }

    [TestMethod]
    public void Complete_StuckInvocations_CountAsErrorsOfKindStuck()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(0, 0, 1, Histogram(10, 20, 30)));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1), 2, false, ["Disposing worker 1's X failed"]));

        var m = aggregator.Complete();

        Assert.AreEqual(2, m.Stuck);
        Assert.AreEqual(5, m.Count, "3 completed + 2 stuck");
        Assert.AreEqual(3, m.Latency.TotalCount);
        Assert.AreEqual(2, m.Errors);
        Assert.AreEqual(0.4, m.ErrorRate);
        var stuck = Assert.ContainsSingle(m.ErrorsByKind);
        Assert.AreEqual(ErrorClass.Stuck.Kind, stuck.Kind);
        Assert.AreEqual(2, stuck.Count);
        Assert.AreSequenceEqual(new[] { "Disposing worker 1's X failed" }, m.Problems.ToArray());
    }

    [TestMethod]
    public void Complete_CancelledByAnyAgent_IsCancelled()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1), 0, false, []));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(0.5), 0, true, []));

        var m = aggregator.Complete();

        Assert.IsTrue(m.Cancelled);
        Assert.AreEqual(0, m.Count);
        Assert.AreEqual(0.0, m.ErrorRate, "no invocations is no error rate, not NaN");
        Assert.AreEqual(0.0, m.Rps);
        Assert.IsTrue(double.IsNaN(m.Summary.P50));
    }

    [TestMethod]
    public void Apply_AgentFailed_IsReportedAsFailure()
    {
        var aggregator = new RunAggregator();

        aggregator.Apply(new AgentFailed("constructor threw"));

        Assert.AreSequenceEqual(new[] { "constructor threw" }, aggregator.Failures.ToArray());
    }

    private static IntervalTelemetry Interval(int index, double start, double end, HistogramBase latency, params ErrorCount[] errors) =>
        new(index, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), HistogramCodec.Encode(latency), errors);

    private static LongHistogram Histogram(params long[] values)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var value in values)
        {
            histogram.RecordValue(value);
        }

        return histogram;
    }
}

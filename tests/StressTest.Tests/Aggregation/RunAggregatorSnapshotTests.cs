// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Aggregation;

/// <summary>What a running test shows: a snapshot that changes nothing, and the latency window of progress lines.</summary>
[TestClass]
public sealed class RunAggregatorSnapshotTests
{
    [TestMethod]
    public void Snapshot_AfterTwoIntervals_ShowsBothWithoutSealingTheNewest()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(0, 0, 1, 1_000, 2_000));
        aggregator.Apply(Interval(1, 1, 2, 3_000));

        var snapshot = aggregator.Snapshot();

        Assert.AreEqual(3, snapshot.Count);
        Assert.AreEqual(TimeSpan.FromSeconds(2), snapshot.Measured);
        Assert.HasCount(2, snapshot.Series);
        Assert.AreEqual(1, snapshot.Series[1].Count);

        // A second agent's message for the newest interval still counts in it: the snapshot sealed nothing.
        aggregator.Apply(Interval(1, 1, 2, 4_000));
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(2), 0, false, []));
        var complete = aggregator.Complete();
        Assert.AreEqual(2, complete.Series[1].Count);
        Assert.AreEqual(4.0, complete.Series[1].Latency.Max, 0.01);
    }

    [TestMethod]
    public void Snapshot_Twice_TakesNothingFromTheRunsResult()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(0, 0, 1, 1_000, 2_000, 3_000) with { Errors = [new ErrorCount("timeout", 1, "slow")] });

        var first = aggregator.Snapshot();
        var second = aggregator.Snapshot();
        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(1), 0, false, []));
        var complete = aggregator.Complete();

        // Each snapshot and the final result see the same run: a snapshot neither consumes nor seals what it reads.
        foreach (var seen in new[] { first, second, complete })
        {
            Assert.AreEqual(3, seen.Count);
            Assert.AreEqual(1, seen.Errors);
            Assert.AreEqual(3.0, seen.Summary.Max, 0.01);
            Assert.AreEqual(3, Assert.ContainsSingle(seen.Series).Count);
        }
    }

    [TestMethod]
    public void TakeWindow_CoversOnlyWhatCameSinceTheLastCall()
    {
        var aggregator = new RunAggregator();
        aggregator.Apply(Interval(0, 0, 1, 1_000));
        aggregator.Apply(Interval(1, 1, 2, 2_000));

        var firstWindow = aggregator.TakeWindow();
        aggregator.Apply(Interval(2, 2, 3, 9_000));
        var secondWindow = aggregator.TakeWindow();
        var emptyWindow = aggregator.TakeWindow();

        Assert.AreEqual(2.0, firstWindow.Max, 0.01);
        Assert.AreEqual(9.0, secondWindow.Min, 0.01);
        Assert.AreEqual(9.0, secondWindow.Max, 0.01);
        Assert.IsTrue(double.IsNaN(emptyWindow.P95));
    }

    private static IntervalTelemetry Interval(int index, double start, double end, params long[] microseconds)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var value in microseconds)
        {
            histogram.RecordValue(value);
        }

        return new IntervalTelemetry(index, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), HistogramCodec.Encode(histogram), []);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Aggregation;

/// <summary>The aggregator keeps every interval's histogram, compressed, after summarising it.</summary>
[TestClass]
public sealed class IntervalHistogramTests
{
    [TestMethod]
    public void Complete_ManyIntervals_KeepsEachIntervalsEncodedHistogramExactly()
    {
        var aggregator = new RunAggregator();
        var recorded = new List<LongHistogram>();
        for (var i = 0; i < 30; i++)
        {
            var histogram = LatencyHistograms.Create();
            for (var v = 1; v <= 1_000; v++)
            {
                histogram.RecordValue((v * 37 % 5_000) + (i * 1_000));
            }

            recorded.Add(histogram);
            aggregator.Apply(new IntervalTelemetry(i, TimeSpan.FromSeconds(i), TimeSpan.FromSeconds(i + 1), HistogramCodec.Encode(histogram), []));
        }

        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(30), 0, false, []));

        var m = aggregator.Complete();

        Assert.HasCount(30, m.IntervalHistograms);
        for (var i = 0; i < 30; i++)
        {
            var interval = m.IntervalHistograms[i];
            Assert.AreEqual(i, interval.Index);
            Assert.AreEqual(TimeSpan.FromSeconds(i), interval.Start);
            Assert.AreEqual(TimeSpan.FromSeconds(i + 1), interval.End);
            var decoded = HistogramCodec.Decode(interval.Encoded);
            Assert.AreEqual(recorded[i].TotalCount, decoded.TotalCount);
            Assert.AreEqual(recorded[i].GetMaxValue(), decoded.GetMaxValue());
            Assert.AreEqual(recorded[i].GetValueAtPercentile(95), decoded.GetValueAtPercentile(95));
            Assert.IsLessThan(8 * 1024, interval.Encoded.Length, "kept compressed, not as a 188 KB histogram");
        }
    }

    [TestMethod]
    public void Complete_TwoAgentsInOneInterval_KeepsTheirSum()
    {
        var a = LatencyHistograms.Create();
        var b = LatencyHistograms.Create();
        a.RecordValue(100);
        b.RecordValue(90_000);
        var aggregator = new RunAggregator();
        aggregator.Apply(new IntervalTelemetry(0, TimeSpan.Zero, TimeSpan.FromSeconds(1), HistogramCodec.Encode(a), []));
        aggregator.Apply(new IntervalTelemetry(0, TimeSpan.Zero, TimeSpan.FromSeconds(1.002), HistogramCodec.Encode(b), []));

        var interval = Assert.ContainsSingle(aggregator.Complete().IntervalHistograms);

        var decoded = HistogramCodec.Decode(interval.Encoded);
        Assert.AreEqual(2, decoded.TotalCount);
        Assert.AreEqual(b.GetMaxValue(), decoded.GetMaxValue());
        Assert.AreEqual(TimeSpan.FromSeconds(1.002), interval.End);
    }
}

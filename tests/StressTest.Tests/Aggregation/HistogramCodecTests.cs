// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;

namespace StressTest.Tests.Aggregation;

/// <summary>The wire form of interval histograms is exact.</summary>
[TestClass]
public sealed class HistogramCodecTests
{
    [TestMethod]
    public void EncodeDecode_RecordedValues_RoundTripExactly()
    {
        var original = LatencyHistograms.Create();
        var random = new Random(1234);
        for (var i = 0; i < 10_000; i++)
        {
            original.RecordValue(1 + random.NextInt64(5_000_000));
        }

        original.RecordValue(LatencyHistograms.Lowest);
        original.RecordValue(LatencyHistograms.Highest);

        var decoded = HistogramCodec.Decode(HistogramCodec.Encode(original));

        Assert.AreEqual(original.TotalCount, decoded.TotalCount);
        Assert.AreEqual(original.GetMaxValue(), decoded.GetMaxValue());
        Assert.AreEqual(original.GetMean(), decoded.GetMean());
        Assert.AreSequenceEqual(Buckets(original), Buckets(decoded));
        foreach (var percentile in new[] { 0.0, 50, 90, 99, 99.9, 99.99, 100 })
        {
            Assert.AreEqual(original.GetValueAtPercentile(percentile), decoded.GetValueAtPercentile(percentile), $"p{percentile}");
        }
    }

    [TestMethod]
    public void EncodeDecode_EmptyHistogram_DecodesEmpty()
    {
        var decoded = HistogramCodec.Decode(HistogramCodec.Encode(LatencyHistograms.Create()));

        Assert.AreEqual(0, decoded.TotalCount);
        Assert.AreEqual(LatencySummary.Empty, LatencySummary.From(decoded));
    }

    [TestMethod]
    public void Decode_Result_AddsIntoTheRunHistogramShape()
    {
        var interval = LatencyHistograms.Create();
        interval.RecordValue(3_000_000_000);
        var total = LatencyHistograms.Create();

        total.Add(HistogramCodec.Decode(HistogramCodec.Encode(interval)));

        Assert.AreEqual(1, total.TotalCount);
        Assert.AreEqual(interval.GetMaxValue(), total.GetMaxValue());
    }

    private static (long Value, long Count)[] Buckets(HistogramBase histogram) =>
        histogram.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo)).ToArray();
}

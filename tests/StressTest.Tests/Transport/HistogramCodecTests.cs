// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Transport;

namespace StressTest.Tests.Transport;

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

    [TestMethod]
    public void Encode_ReusedEncoder_MatchesHdrHistogramsOwnFrameAndDecodesWithItsReaders()
    {
        var encoder = new HistogramCodec.Encoder();
        var random = new Random(77);
        foreach (var values in new[] { 10, 5_000, 1 })
        {
            var original = LatencyHistograms.Create();
            for (var i = 0; i < values; i++)
            {
                original.RecordValue(1 + random.NextInt64(2_000_000));
            }

            var ours = encoder.Encode(original);
            var library = HdrHistogram.Utilities.ByteBuffer.Allocate(original.GetNeededByteBufferCapacity() + 64);
            var libraryLength = original.EncodeIntoCompressedByteBuffer(library);
            library.Position = 0;
            Assert.AreEqual(library.GetInt(), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(ours), "the same cookie");
            Assert.IsLessThan(libraryLength + 64, ours.Length, $"about as small as HdrHistogram's own: {ours.Length} against {libraryLength} bytes");

            var decoded = HistogramCodec.Decode(ours);
            Assert.AreSequenceEqual(Buckets(original), Buckets(decoded), $"{values} values, decoded by HistogramEncoding");
        }
    }

    [TestMethod]
    public void Encode_IntervalLog_ReadsBackWithHistogramLogReader()
    {
        var original = LatencyHistograms.Create();
        original.RecordValue(1_234);
        original.RecordValue(987_654);
        original.StartTimeStamp = 1_000;
        original.EndTimeStamp = 2_000;
        using var log = new MemoryStream();
        using (var writer = new HistogramLogWriter(log))
        {
            writer.Append(HistogramCodec.Decode(new HistogramCodec.Encoder().Encode(original)));
        }

        using var reader = new HistogramLogReader(new MemoryStream(log.ToArray()));
        var read = Assert.ContainsSingle(reader.ReadHistograms().ToList());
        Assert.AreSequenceEqual(Buckets(original), Buckets(read));
    }

    private static (long Value, long Count)[] Buckets(HistogramBase histogram) =>
        histogram.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo)).ToArray();
}

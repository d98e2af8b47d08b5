// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using HdrHistogram.Utilities;

namespace StressTest.Aggregation;

/// <summary>HdrHistogram's compressed V2 encoding, the exact wire form of interval histograms.</summary>
internal static class HistogramCodec
{
    public static byte[] Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        // The compressed form is never larger than the plain one plus the deflate header.
        var buffer = new byte[histogram.GetNeededByteBufferCapacity() + 64];
        var length = histogram.EncodeIntoCompressedByteBuffer(ByteBuffer.Allocate(buffer));
        return buffer.AsSpan(0, length).ToArray();
    }

    public static HistogramBase Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(encoded), LatencyHistograms.Highest);
    }
}

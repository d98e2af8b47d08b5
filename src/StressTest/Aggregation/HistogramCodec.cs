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
        // The compressed form is never larger than the plain one plus the deflate header. ByteBuffer copies an
        // array it is given and exposes no array back, so the bytes are read out one by one (once a second).
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity() + 64);
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        var encoded = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            encoded[i] = buffer.Get();
        }

        return encoded;
    }

    public static HistogramBase Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(encoded), LatencyHistograms.Highest);
    }
}

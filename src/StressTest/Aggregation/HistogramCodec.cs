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
        return CopyOut(buffer, histogram.EncodeIntoCompressedByteBuffer(buffer));
    }

    private static byte[] CopyOut(ByteBuffer buffer, int length)
    {
        var encoded = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            encoded[i] = buffer.Get();
        }

        return encoded;
    }

    /// <summary>Encodes with one reusable buffer (one encoder per thread).</summary>
    internal sealed class Encoder
    {
        private ByteBuffer? _buffer;

        public byte[] Encode(HistogramBase histogram)
        {
            ArgumentNullException.ThrowIfNull(histogram);
            var capacity = histogram.GetNeededByteBufferCapacity() + 64;
            if (_buffer is null || _buffer.Capacity() < capacity)
            {
                _buffer = ByteBuffer.Allocate(capacity);
            }

            _buffer.Position = 0;
            return CopyOut(_buffer, histogram.EncodeIntoCompressedByteBuffer(_buffer));
        }
    }

    public static HistogramBase Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(encoded), LatencyHistograms.Highest);
    }
}

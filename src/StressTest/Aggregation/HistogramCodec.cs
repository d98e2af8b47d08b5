// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using HdrHistogram.Utilities;

namespace StressTest.Aggregation;

/// <summary>HdrHistogram's compressed V2 encoding, the exact wire form of interval histograms.</summary>
internal static class HistogramCodec
{
    /// <summary>Encodes once; a caller encoding every interval keeps an <see cref="Encoder"/> instead.</summary>
    public static byte[] Encode(HistogramBase histogram) => new Encoder().Encode(histogram);

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

    private static byte[] CopyOut(ByteBuffer buffer, int length)
    {
        // ByteBuffer exposes no array, so the bytes are read out one by one (once per interval).
        var encoded = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            encoded[i] = buffer.Get();
        }

        return encoded;
    }
}

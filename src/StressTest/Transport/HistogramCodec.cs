// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.IO.Compression;
using HdrHistogram;
using HdrHistogram.Encoding;
using HdrHistogram.Utilities;

namespace StressTest.Transport;

/// <summary>HdrHistogram's compressed V2 encoding, the exact wire form of interval histograms.</summary>
internal static class HistogramCodec
{
    /// <summary>Encodes once; a caller encoding every interval keeps an <see cref="Encoder"/> instead.</summary>
    public static byte[] Encode(HistogramBase histogram) => new Encoder().Encode(histogram);

    /// <summary>
    /// Encodes into HdrHistogram's compressed V2 form with buffers kept from one interval to the next (one encoder per
    /// thread). The counts are encoded by HdrHistogram itself (<see cref="HistogramEncoderV2"/>); only the compressed
    /// frame around them is written here: its cookie, the compressed length, and the zlib stream. HdrHistogram's
    /// <c>EncodeIntoCompressedByteBuffer</c> would allocate a fresh uncompressed buffer and a copy of it for every
    /// interval, about 210 KB each for our histograms' range: large-object garbage every second, per histogram.
    /// </summary>
    /// <remarks>
    /// The result is what <c>EncodeIntoCompressedByteBuffer</c> produces except for the compressed bytes themselves:
    /// there a zlib header with raw deflate, here a complete zlib stream (header, deflate, Adler-32), which HdrHistogram's
    /// decoders in .NET and Java read alike (tests decode it with both <see cref="HistogramEncoding"/> and
    /// <see cref="HistogramLogReader"/>).
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A MemoryStream holds only a managed array; the encoder lives as long as its owner's run.")]
    internal sealed class Encoder
    {
        /// <summary>HdrHistogram's cookie of a compressed V2 histogram (base 0x1c849304, word-size bits 0x10).</summary>
        private const int CompressedCookieV2 = 0x1c849314;

        private readonly MemoryStream _compressed = new();
        private ByteBuffer? _uncompressed;
        private byte[] _raw = [];

        public byte[] Encode(HistogramBase histogram)
        {
            ArgumentNullException.ThrowIfNull(histogram);
            var capacity = histogram.GetNeededByteBufferCapacity();
            if (_uncompressed is null || _uncompressed.Capacity() < capacity)
            {
                _uncompressed = ByteBuffer.Allocate(capacity);
            }

            _uncompressed.Position = 0;
            var length = histogram.Encode(_uncompressed, HistogramEncoderV2.Instance);

            // ByteBuffer exposes no array: the encoded bytes (run-length coded, so a few hundred for a typical second)
            // are read out one by one into a kept array.
            if (_raw.Length < length)
            {
                _raw = new byte[Math.Max(length, _raw.Length * 2)];
            }

            _uncompressed.Position = 0;
            for (var i = 0; i < length; i++)
            {
                _raw[i] = _uncompressed.Get();
            }

            _compressed.SetLength(0);
            using (var zlib = new ZLibStream(_compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(_raw, 0, length);
            }

            var compressedLength = (int)_compressed.Length;
            var encoded = new byte[8 + compressedLength];
            BinaryPrimitives.WriteInt32BigEndian(encoded, CompressedCookieV2);
            BinaryPrimitives.WriteInt32BigEndian(encoded.AsSpan(4), compressedLength);
            _compressed.GetBuffer().AsSpan(0, compressedLength).CopyTo(encoded.AsSpan(8));
            return encoded;
        }
    }

    public static HistogramBase Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(encoded), LatencyHistograms.Highest);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport;

namespace StressTest.Aggregation;

/// <summary>
/// One second's latency histogram (µs), kept in HdrHistogram's compressed V2 encoding: a few hundred bytes to a
/// few KB instead of the 188 KB a decoded histogram takes, so a long run keeps every interval for the interval log
/// (.hlog) without its memory growing by a histogram a second.
/// </summary>
/// <param name="Index">0 for the first second of the measured window.</param>
/// <param name="Start">Start offset from the measured window's start.</param>
/// <param name="End">End offset.</param>
/// <param name="Encoded">The histogram, as <see cref="HistogramCodec.Encoder"/> writes it (read it with
/// <see cref="HistogramCodec.Decode"/>; never modified).</param>
internal sealed record IntervalHistogram(int Index, TimeSpan Start, TimeSpan End, byte[] Encoded);

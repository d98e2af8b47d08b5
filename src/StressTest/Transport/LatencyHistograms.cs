// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;

namespace StressTest.Transport;

/// <summary>
/// The one histogram shape used everywhere: microseconds from 1 µs to 1 h at 3 significant digits, so interval
/// histograms from any worker or agent add together exactly.
/// </summary>
internal static class LatencyHistograms
{
    public const long Lowest = 1;
    public const long Highest = 3_600_000_000; // 1 h in µs
    public const int SignificantDigits = 3;

    /// <summary>Scaling ratio for HdrHistogram's text output: values are µs, printed as ms.</summary>
    public const double MicrosecondsPerMillisecond = 1000.0;

    public static LongHistogram Create() => new(Lowest, Highest, SignificantDigits);

    /// <summary>A wait-free recorder. With <paramref name="concurrentWriters"/> several threads may record at once
    /// (about 24 ns instead of 10 ns per value, PERF-FACTS); without it exactly one thread may.</summary>
    public static Recorder CreateRecorder(bool concurrentWriters = false) => concurrentWriters
        ? new(Lowest, Highest, SignificantDigits, static (id, lowest, highest, digits) => new LongConcurrentHistogram(id, lowest, highest, digits))
        : new(Lowest, Highest, SignificantDigits, static (id, lowest, highest, digits) => new LongHistogram(id, lowest, highest, digits));

    /// <summary>Clamps a measured value into the trackable range: a value outside it would throw inside
    /// HdrHistogram, and a hung-then-finished invocation must never kill a worker.</summary>
    public static long Clamp(long microseconds) => microseconds < 0 ? 0 : Math.Min(microseconds, Highest);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;

namespace StressTest.Aggregation;

/// <summary>Latency statistics in milliseconds, read off a µs histogram; all NaN when nothing was recorded.</summary>
internal sealed record LatencySummary(
    double Min, double Mean, double P50, double P75, double P90, double P95, double P99, double P999, double Max)
{
    public static LatencySummary Empty { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static LatencySummary From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            Ms(histogram.LowestEquivalentValue(MinValue(histogram))),
            histogram.GetMean() / LatencyHistograms.MicrosecondsPerMillisecond,
            Percentile(histogram, 50),
            Percentile(histogram, 75),
            Percentile(histogram, 90),
            Percentile(histogram, 95),
            Percentile(histogram, 99),
            Percentile(histogram, 99.9),
            Ms(histogram.GetMaxValue()));
    }

    /// <summary>The value at a percentile, in ms. HdrHistogram reports the highest value equivalent to the
    /// bucket, so a percentile is never understated.</summary>
    public static double Percentile(HistogramBase histogram, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? double.NaN : Ms(histogram.GetValueAtPercentile(percentile));
    }

    private static long MinValue(HistogramBase histogram)
    {
        foreach (var value in histogram.RecordedValues())
        {
            return value.ValueIteratedTo;
        }

        return 0;
    }

    private static double Ms(long microseconds) => microseconds / LatencyHistograms.MicrosecondsPerMillisecond;
}

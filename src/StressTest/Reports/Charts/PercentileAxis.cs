// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Reports.Charts;

/// <summary>
/// The percentile axis of HdrHistogram's plotter: x = 1/(1-p) on a log scale, so 0 %, 90 %, 99 %, 99.9 %… are
/// evenly spaced and the tail, where latency problems live, gets as much room as the median.
/// </summary>
/// <param name="decades">How many nines to show: a percentile beyond what the sample count resolves
/// (99.99 % of 1,000 values) carries no information, so the axis ends at 1 - 1/10^decades and 100 % is drawn
/// there.</param>
internal sealed class PercentileAxis(int decades) : ChartAxis
{
    public int Decades { get; } = Math.Clamp(decades, 1, 7);

    /// <summary>Enough decades for <paramref name="count"/> values: 1,000 values resolve 99.9 %.</summary>
    public static PercentileAxis ForCount(long count) =>
        new(count <= 10 ? 1 : (int)Math.Ceiling(Math.Log10(count)));

    /// <summary>A percentile (0..100) to log10(1/(1-p)), capped at the axis end.</summary>
    public override double Transform(double x) =>
        x >= 100 ? Decades : Math.Min(Decades, -Math.Log10(1 - (Math.Max(0, x) / 100)));

    public override (double Min, double Max) Domain(IReadOnlyCollection<double> transformed) => (0, Decades);

    public override IReadOnlyList<AxisTick> Ticks(double min, double max) =>
        Enumerable.Range(0, Decades + 1).Select(k => new AxisTick(k, Label(k))).ToList();

    private static string Label(int nines) =>
        nines == 0 ? "0%" : (100 - (100 / Math.Pow(10, nines))).ToString("0.#######", CultureInfo.InvariantCulture) + "%";
}

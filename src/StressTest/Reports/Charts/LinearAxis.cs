// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Charts;

/// <summary>A linear axis from 0 (or the smallest value below it), such as seconds into the measured window.</summary>
/// <param name="suffix">Appended to tick labels (<c>" s"</c>).</param>
/// <param name="end">Where the axis ends when the data does not reach it: the end of the measured window, when
/// each second is drawn at its middle.</param>
internal sealed class LinearAxis(string suffix, double end = 0) : ChartAxis
{
    public override double Transform(double x) => x;

    public override (double Min, double Max) Domain(IReadOnlyCollection<double> transformed)
    {
        var min = Math.Min(0, transformed.Count == 0 ? 0 : transformed.Min());
        var max = Math.Max(end, transformed.Count == 0 ? 1 : transformed.Max());
        return (min, max > min ? max : min + 1);
    }

    public override IReadOnlyList<AxisTick> Ticks(double min, double max)
    {
        var (step, _) = NiceScale.For(max - min, ticks: 6);
        return NiceScale.Ticks(step, max, suffix).Where(t => t.At >= min).ToList();
    }
}

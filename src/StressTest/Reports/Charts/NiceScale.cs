// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Reports.Charts;

/// <summary>Axis steps of 1, 2, 2.5 or 5 times a power of ten, so tick labels are round numbers a reader can
/// interpolate between.</summary>
internal static class NiceScale
{
    /// <summary>The step that divides [0, <paramref name="max"/>] into about <paramref name="ticks"/> parts, and
    /// the round maximum it reaches.</summary>
    public static (double Step, double Max) For(double max, int ticks = 4)
    {
        if (!(max > 0) || double.IsInfinity(max))
        {
            return (0.25, 1);
        }

        var rough = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normalized = rough / magnitude;
        var step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10) * magnitude;
        return (step, Math.Ceiling((max / step) - 1e-9) * step);
    }

    /// <summary>Ticks from 0 to the nice maximum, labelled compactly (12k for 12,000).</summary>
    public static IReadOnlyList<AxisTick> Ticks(double step, double max, string suffix = "")
    {
        var ticks = new List<AxisTick>();
        for (var i = 0; i * step <= max + (step / 1000); i++)
        {
            ticks.Add(new AxisTick(i * step, Label(i * step) + suffix));
        }

        return ticks;
    }

    public static string Label(double value) =>
        value >= 10_000
            ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}

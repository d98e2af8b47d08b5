// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Charts;

/// <summary>A labelled position on an axis, in axis units (after <see cref="ChartAxis.Transform"/>).</summary>
internal readonly record struct AxisTick(double At, string Label);

/// <summary>How x values map onto the horizontal axis: linearly (time) or on HdrHistogram's percentile scale.</summary>
internal abstract class ChartAxis
{
    /// <summary>Data units to axis units, in which the axis is linear.</summary>
    public abstract double Transform(double x);

    /// <summary>The span drawn, in axis units, for the given (transformed) x values.</summary>
    public abstract (double Min, double Max) Domain(IReadOnlyCollection<double> transformed);

    /// <summary>Labelled ticks inside the domain.</summary>
    public abstract IReadOnlyList<AxisTick> Ticks(double min, double max);
}

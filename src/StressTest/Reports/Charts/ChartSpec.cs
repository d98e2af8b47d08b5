// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Charts;

/// <summary>One point of a series in data units; a NaN <see cref="Y"/> is a gap (a second with nothing to show).</summary>
internal readonly record struct ChartPoint(double X, double Y);

/// <summary>One line: <paramref name="Name"/> is its legend label and its <c>data-series</c> attribute, which the
/// browser test matches against the JSON report's field of the same name.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>Drawn dashed: a target or limit the measured lines are read against.</summary>
    public bool Dashed { get; init; }
}

/// <summary>A horizontal reference line, such as a threshold's limit.</summary>
internal sealed record ChartGuide(string Label, double Y);

/// <summary>A line chart: what to draw, independent of how (see <see cref="LineChart"/>).</summary>
/// <param name="Id">Stable identifier: the figure's id and the SVG's <c>data-chart</c>.</param>
/// <param name="Title">Caption.</param>
/// <param name="Unit">The y axis unit, shown in the caption (<c>ms</c>, <c>/s</c>).</param>
/// <param name="XAxis">How x values map onto the horizontal axis.</param>
/// <param name="Series">The lines, drawn in order (later ones on top).</param>
internal sealed record ChartSpec(string Id, string Title, string Unit, ChartAxis XAxis, IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<ChartGuide> Guides { get; init; } = [];
}

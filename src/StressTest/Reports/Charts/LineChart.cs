// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Reports.Html;

namespace StressTest.Reports.Charts;

/// <summary>
/// Draws any <see cref="ChartSpec"/> as a figure with an inline SVG line chart: no script, no library, no network.
/// The SVG scales with its container (viewBox), lines keep their width when it does, and colours come from the
/// page's CSS classes (<c>c0</c>…<c>c5</c>), so dark mode needs no second drawing. Each series carries
/// <c>data-series</c>, <c>data-points</c> (points drawn), <c>data-values</c> (values before downsampling) and
/// <c>data-max</c>, which the browser test compares with the JSON report.
/// </summary>
internal static class LineChart
{
    public const int Width = 640;
    public const int Height = 240;

    /// <summary>More points than this (a run over 20 minutes) are downsampled: the chart is ~590 px wide, and
    /// 1,200 points keep a 10-minute run's HTML far below 300 KB.</summary>
    public const int MaxPoints = 1200;

    private const double Left = 46;
    private const double Right = 10;
    private const double Top = 10;
    private const double Bottom = 24;
    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;
    private const int Palette = 6;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Render(StringBuilder html, ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(spec);
        var axis = spec.XAxis;
        var series = spec.Series
            .Select(s => (Spec: s, Finite: s.Points.Where(p => double.IsFinite(p.Y) && double.IsFinite(p.X)).ToList()))
            .ToList();
        var (xMin, xMax) = axis.Domain(series.SelectMany(s => s.Finite).Select(p => axis.Transform(p.X)).ToList());
        var dataMax = series.SelectMany(s => s.Finite).Select(p => p.Y).DefaultIfEmpty(0).Max();
        // A guide far above the data (p99.9 < 1s over 5 ms latencies) would squash every line flat: it is drawn
        // only when it lies within twice the data's range.
        var guides = spec.Guides.Where(g => g.Y >= 0 && (dataMax <= 0 || g.Y <= dataMax * 2)).ToList();
        var (yStep, yMax) = NiceScale.For(Math.Max(dataMax, guides.Select(g => g.Y).DefaultIfEmpty(0).Max()));

        double Px(double x) => Left + ((axis.Transform(x) - xMin) / (xMax - xMin) * PlotWidth);
        double Py(double y) => Top + PlotHeight - (Math.Min(y, yMax) / yMax * PlotHeight);

        var id = HtmlText.Encode(spec.Id);
        html.Append(Invariant, $"<figure class=\"chart\" id=\"chart-{id}\"><figcaption><b>{HtmlText.Encode(spec.Title)}</b> <span class=\"unit\">{HtmlText.Encode(spec.Unit)}</span>");
        for (var i = 0; i < series.Count; i++)
        {
            html.Append(Invariant, $"<span class=\"key\"><i class=\"k{i % Palette}{(series[i].Spec.Dashed ? " dash" : string.Empty)}\"></i>{HtmlText.Encode(series[i].Spec.Name)}</span>");
        }

        html.Append(Invariant, $"</figcaption><svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{HtmlText.Encode(spec.Title)}\" data-chart=\"{id}\">");
        html.Append("<g class=\"grid\">");
        foreach (var tick in NiceScale.Ticks(yStep, yMax))
        {
            var y = N(Py(tick.At));
            html.Append(Invariant, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{y}\" y2=\"{y}\"/><text x=\"{N(Left - 4)}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{HtmlText.Encode(tick.Label)}</text>");
        }

        foreach (var tick in axis.Ticks(xMin, xMax))
        {
            var x = N(Left + ((tick.At - xMin) / (xMax - xMin) * PlotWidth));
            html.Append(Invariant, $"<line class=\"x\" x1=\"{x}\" x2=\"{x}\" y1=\"{N(Top)}\" y2=\"{N(Top + PlotHeight)}\"/><text x=\"{x}\" y=\"{N(Height - 6)}\" text-anchor=\"middle\">{HtmlText.Encode(tick.Label)}</text>");
        }

        html.Append("</g>");
        foreach (var guide in guides)
        {
            var y = N(Py(guide.Y));
            html.Append(Invariant, $"<g class=\"guide\"><line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{y}\" y2=\"{y}\"/><text x=\"{N(Width - Right - 2)}\" y=\"{y}\" dy=\"-3\" text-anchor=\"end\">{HtmlText.Encode(guide.Label)}</text></g>");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var (line, finite) = series[i];
            var drawn = finite.Count > MaxPoints ? Downsampler.Largest(finite, MaxPoints) : line.Points;
            var max = finite.Count == 0 ? "" : finite.Max(p => p.Y).ToString("0.####", Invariant);
            html.Append(Invariant, $"<g class=\"line c{i % Palette}{(line.Dashed ? " dash" : string.Empty)}\" data-series=\"{HtmlText.Encode(line.Name)}\" data-points=\"{drawn.Count(p => double.IsFinite(p.Y))}\" data-values=\"{finite.Count}\" data-max=\"{max}\">");
            foreach (var segment in Segments(drawn))
            {
                if (segment.Count == 1)
                {
                    // A polyline of one point draws nothing: a lone second between gaps is a dot.
                    html.Append(Invariant, $"<circle cx=\"{N(Px(segment[0].X))}\" cy=\"{N(Py(segment[0].Y))}\" r=\"2\"/>");
                    continue;
                }

                html.Append("<polyline points=\"");
                foreach (var point in segment)
                {
                    html.Append(N(Px(point.X))).Append(',').Append(N(Py(point.Y))).Append(' ');
                }

                html.Length--;
                html.Append("\"/>");
            }

            html.Append("</g>");
        }

        html.Append("</svg></figure>");
    }

    /// <summary>Runs of consecutive finite points: a second with no value breaks the line instead of bridging it.</summary>
    private static IEnumerable<List<ChartPoint>> Segments(IReadOnlyList<ChartPoint> points)
    {
        var current = new List<ChartPoint>();
        foreach (var point in points)
        {
            if (double.IsFinite(point.Y) && double.IsFinite(point.X))
            {
                current.Add(point);
            }
            else if (current.Count > 0)
            {
                yield return current;
                current = [];
            }
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>Coordinates to a tenth of a unit: a 640-unit drawing needs no more, and it halves the file.</summary>
    private static string N(double value) => Math.Round(value, 1).ToString("0.#", Invariant);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Plan.Methods;
using StressTest.Reports.Charts;

namespace StressTest.Tests.Reports.Charts;

/// <summary>The one line-chart builder every chart goes through: gaps, dots, downsampling, guides, encoding.</summary>
[TestClass]
public sealed class LineChartTests
{
    [TestMethod]
    public void Render_SeriesWithAGap_BreaksTheLineAndCountsOnlyValues()
    {
        var html = Render(Spec(Points(1, 2, double.NaN, 4, 5, 6)));

        Assert.Contains("data-series=\"s\" data-points=\"5\" data-values=\"5\" data-max=\"6\"", html);
        Assert.AreEqual(2, Count(html, "<polyline "), html);
    }

    [TestMethod]
    public void Render_LoneValueBetweenGaps_IsDrawnAsADot()
    {
        var html = Render(Spec(Points(1, 2, double.NaN, 4, double.NaN, 6, 7)));

        Assert.AreEqual(2, Count(html, "<polyline "));
        Assert.AreEqual(1, Count(html, "<circle "));
        Assert.Contains("data-points=\"5\"", html);
    }

    [TestMethod]
    public void Render_LongSeries_IsDownsampledButKeepsItsValueCountAndMaximum()
    {
        var values = Enumerable.Range(0, 5_000).Select(i => i == 2_500 ? 900.0 : i % 10).ToArray();

        var html = Render(Spec(Points(values)));

        Assert.Contains($"data-points=\"{LineChart.MaxPoints}\" data-values=\"5000\" data-max=\"900\"", html);
        Assert.Contains(",30.6", html, "the spike survives: 900 on a 0–1000 axis is drawn at y = 216 - 0.9 × 206");
    }

    [TestMethod]
    public void Render_Guides_AreDrawnNearTheDataAndLeftOutFarAboveIt()
    {
        var spec = Spec(Points(10, 20, 30)) with { Guides = [new ChartGuide("p95 < 50ms", 50), new ChartGuide("p99 < 1s", 1000)] };

        var html = Render(spec);

        Assert.Contains(">p95 &lt; 50ms</text>", html);
        Assert.DoesNotContain("p99 &lt; 1s", html);
    }

    [TestMethod]
    public void Render_TitleAndSeriesNames_AreEncoded()
    {
        var spec = new ChartSpec("x", "<i>title</i>", "ms", new LinearAxis(" s"), [new ChartSeries("<b>", Points(1, 2))]);

        var html = Render(spec);

        Assert.DoesNotContain("<i>title", html);
        Assert.DoesNotContain("<b></span>", html);
        Assert.Contains("</i>&lt;b&gt;</span>", html, "the legend");
        Assert.Contains("data-series=\"&lt;b&gt;\"", html);
        Assert.Contains("<b>&lt;i&gt;title&lt;/i&gt;</b>", html);
    }

    [TestMethod]
    public void Render_NoValues_DrawsAnEmptyPlotWithAxes()
    {
        var html = Render(Spec(Points(double.NaN, double.NaN)));

        Assert.Contains("data-points=\"0\" data-values=\"0\" data-max=\"\"", html);
        Assert.DoesNotContain("<polyline", html);
        Assert.Contains("<g class=\"grid\">", html);
    }

    private static ChartSpec Spec(IReadOnlyList<ChartPoint> points) =>
        new("test", "Test", "ms", new LinearAxis(" s"), [new ChartSeries("s", points)]);

    private static ChartPoint[] Points(params double[] values) => values.Select((v, i) => new ChartPoint(i, v)).ToArray();

    private static string Render(ChartSpec spec)
    {
        var html = new StringBuilder();
        LineChart.Render(html, spec);
        return html.ToString();
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

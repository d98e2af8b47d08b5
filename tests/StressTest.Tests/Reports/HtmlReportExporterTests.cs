// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using System.Text.RegularExpressions;
using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Reports.Html;

namespace StressTest.Tests.Reports;

/// <summary>The HTML report: inert user strings, the verdict first, one chart point per second, bounded size.</summary>
[TestClass]
public sealed partial class HtmlReportExporterTests(TestContext testContext)
{
    [TestMethod]
    public async Task ExportAsync_ScriptInErrorMessageAndEndpointName_IsRenderedInert()
    {
        var (_, report) = ReportSamples.Open(3);
        Assert.AreEqual(ReportSamples.Script, report.Endpoints[0].Name, "the sample carries the payload as an endpoint name");
        Assert.Contains(ReportSamples.Script, report.ErrorsByType[0].FirstMessage, "and in an error message");

        var html = await ExportAsync(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>sample", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, "the endpoint name, shown as text");
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", html, "the error message, shown as text");
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, "the step name");
        Assert.Contains("Open &lt;b&gt;sample&lt;/b&gt;", html, "the display name");
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"", html, "no script or fetch could run even if a string slipped through");
    }

    [TestMethod]
    public async Task ExportAsync_TenMinuteRun_StaysUnder300KB()
    {
        var (_, report) = ReportSamples.Open(600, endpoints: 10, errorKinds: 10);

        var size = Encoding.UTF8.GetByteCount(await ExportAsync(report));

        Assert.HasCount(600, report.Series);
        testContext.WriteLine($"HTML report of a 600-second run: {size:N0} bytes");
        Assert.IsLessThan(300 * 1024, size, $"{size:N0} bytes");
    }

    [TestMethod]
    public async Task ExportAsync_MeasuredRun_EachTimeSeriesHasOnePointPerSecond()
    {
        var (_, report) = ReportSamples.Open(120);

        var html = await ExportAsync(report);

        var series = SeriesElement().Matches(html).ToList();
        var expected = new Dictionary<string, int>
        {
            ["p50"] = report.Series.Count(s => s.P50 is not null),
            ["p95"] = report.Series.Count(s => s.P95 is not null),
            ["p99"] = report.Series.Count(s => s.P99 is not null),
            ["max"] = report.Series.Count(s => s.Max is not null),
            ["rps"] = 120, ["target"] = 120, ["errors"] = 120, ["dropped"] = 120, ["inFlight"] = 120,
        };
        foreach (var (name, count) in expected)
        {
            var match = series.Single(m => m.Groups["name"].Value == name);
            Assert.AreEqual(count, int.Parse(match.Groups["points"].Value, System.Globalization.CultureInfo.InvariantCulture), name);
            Assert.AreEqual(count, match.Groups["coordinates"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, name + " coordinates drawn");
        }

        var p95Max = series.Single(m => m.Groups["name"].Value == "p95").Groups["max"].Value;
        Assert.AreEqual(report.Series.Max(s => s.P95)!.Value, double.Parse(p95Max, System.Globalization.CultureInfo.InvariantCulture));
        var distribution = series.Single(m => m.Groups["name"].Value == "latency");
        Assert.AreEqual(report.LatencyMs.Max!.Value, double.Parse(distribution.Groups["max"].Value, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var chart in new[] { "percentiles", "latency", "throughput", "errors", "inflight" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", html);
        }
    }

    [TestMethod]
    public async Task ExportAsync_FailedRun_ShowsVerdictAndFailedThresholdsBeforeTheCharts()
    {
        var (_, report) = ReportSamples.Open(5);

        var html = await ExportAsync(report);

        var verdict = html.IndexOf("<header class=\"verdict failed\"", StringComparison.Ordinal);
        var reason = html.IndexOf("<li>p95 = ", StringComparison.Ordinal);
        var charts = html.IndexOf("<svg", StringComparison.Ordinal);
        Assert.IsTrue(verdict >= 0 && verdict < reason && reason < charts, $"verdict {verdict}, reason {reason}, charts {charts}");
        Assert.Contains("expected &lt; 30 ms</li>", html);
        Assert.Contains("<tr class=\"flag\"><td>FAIL</td><td>p95 &lt; 30ms</td>", html);
    }

    [TestMethod]
    public async Task ExportAsync_NoLoadRan_WritesAPageWithTheProblemAndNoCharts()
    {
        var html = await ExportAsync(ReportFixtures.Report(ReportFixtures.NoLoad()));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>", html);
        Assert.DoesNotContain("<svg", html);
        Assert.Contains("[StressSetup] Target.Setup threw System.Exception: down", html);
    }

    [TestMethod]
    public async Task ExportAsync_ClosedModel_DrawsNoTargetDroppedOrInFlight()
    {
        var html = await ExportAsync(ReportFixtures.Report(ReportFixtures.Measured()));

        Assert.Contains("data-chart=\"throughput\"", html);
        Assert.DoesNotContain("data-series=\"target\"", html);
        Assert.DoesNotContain("data-series=\"dropped\"", html);
        Assert.DoesNotContain("data-chart=\"inflight\"", html);
    }

    private static async Task<string> ExportAsync(StressReport report)
    {
        using var stream = new MemoryStream();
        await new HtmlReportExporter().ExportAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex("<g class=\"line[^\"]*\" data-series=\"(?<name>[^\"]+)\" data-points=\"(?<points>\\d+)\" data-values=\"\\d+\" data-max=\"(?<max>[^\"]*)\">(?:<polyline points=\"(?<coordinates>[^\"]*)\"/>)*</g>")]
    private static partial Regex SeriesElement();
}

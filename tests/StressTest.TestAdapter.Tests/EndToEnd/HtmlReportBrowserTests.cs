// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.TestAdapter.Tests.Browser;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// The HTML report of a real run (tests/Fixtures/ReportFixture, attached to its TRX) opened in headless Chromium
/// from its file URL with the network off: no console error, no request beyond the file, no script of the
/// fixture's markup runs, every chart has the JSON report's points, the page fits a phone. A screenshot is attached
/// to this test's result.
/// </summary>
[TestClass]
public sealed class HtmlReportBrowserTests(TestContext testContext)
{
    private const string ChartsScript = """
        [...document.querySelectorAll('svg[data-chart]')].map(svg => ({
          chart: svg.dataset.chart,
          width: svg.getBoundingClientRect().width,
          series: [...svg.querySelectorAll('g[data-series]')].map(g => ({
            name: g.dataset.series,
            points: +g.dataset.points,
            values: +g.dataset.values,
            max: g.dataset.max,
            drawn: [...g.querySelectorAll('polyline')].reduce((n, p) => n + p.points.numberOfItems, 0) + g.querySelectorAll('circle').length,
          })),
        }))
        """;

    private const string DocumentScript = """
        ({
          active: document.querySelectorAll('script, img, iframe, object, embed, link, svg svg').length,
          handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
          shown: document.body.innerText.includes("<script>alert('error')</script>") && document.body.innerText.includes("<svg onload=alert('check')>"),
          outcome: document.querySelector('header.verdict').dataset.outcome,
        })
        """;

    [TestMethod]
    public async Task HtmlReport_InHeadlessChromiumOffline_DrawsTheJsonReportsPointsWithoutErrors()
    {
        var executable = Chromium.Find();
        if (executable is null)
        {
            const string Missing = "Chromium is not installed (looked for chromium, chromium-browser, google-chrome on PATH): install Debian's chromium (.ci/run does) to check the HTML report in a browser.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(Missing);
            }

            Assert.Inconclusive(Missing);
        }

        var run = await FixtureProject.Report.TestAsync("browser");
        var result = run.Get("OpenModelWithErrors");
        var html = result.Attachments.Single(a => a.Path.EndsWith(".html", StringComparison.Ordinal));
        var json = ReportJson.Load(result);

        using var browser = await Chromium.StartAsync(executable, TempFolders.Create("chromium-profile"));
        await using var page = await BrowserPage.OpenAsync(browser, CancellationToken.None);
        await page.ResizeAsync(1280, 900, mobile: false);
        await page.NavigateAsync(new Uri(html.Path));
        AttachScreenshot(await page.ScreenshotAsync());

        var charts = (await page.EvaluateAsync(ChartsScript)).EnumerateArray().ToList();
        var document = await page.EvaluateAsync(DocumentScript);
        await page.ResizeAsync(390, 844, mobile: true);
        var phoneOverflow = (await page.EvaluateAsync("document.documentElement.scrollWidth - window.innerWidth")).GetDouble();

        Assert.IsEmpty(page.Errors, string.Join(Environment.NewLine, page.Errors));
        Assert.IsEmpty(page.Dialogs, "a script from the fixture's strings ran: " + string.Join(", ", page.Dialogs));
        Assert.IsTrue(page.Requests.All(r => r.StartsWith("file://", StringComparison.Ordinal)), "requests beyond the file: " + string.Join(", ", page.Requests));
        Assert.AreEqual(0, document.GetProperty("active").GetInt32(), "scripts, images, frames or links in the page");
        Assert.AreEqual(0, document.GetProperty("handlers").GetInt32(), "elements with on* attributes");
        Assert.IsTrue(document.GetProperty("shown").GetBoolean(), "the fixture's markup is shown as text");
        Assert.AreEqual("failed", document.GetProperty("outcome").GetString());
        Assert.IsLessThanOrEqualTo(0.0, phoneOverflow, "the page scrolls sideways on a 390 px phone");

        CollectionAssert.AreEquivalent(new[] { "percentiles", "latency", "throughput", "errors", "inflight", "generator", "generator-threadpool", "generator-jit", "generator-lateness" }, charts.Select(c => c.GetProperty("chart").GetString()).ToArray());
        var seconds = json.Require("series").EnumerateArray().ToList();
        Assert.IsGreaterThanOrEqualTo(3, seconds.Count, json.ToString());
        foreach (var chart in charts)
        {
            var name = chart.GetProperty("chart").GetString();
            Assert.IsGreaterThan(200.0, chart.GetProperty("width").GetDouble(), $"chart {name} is laid out");
            foreach (var series in chart.GetProperty("series").EnumerateArray())
            {
                var label = $"{name}/{series.GetProperty("name").GetString()}";
                var points = series.GetProperty("points").GetInt32();
                Assert.AreEqual(points, series.GetProperty("drawn").GetInt32(), $"{label}: points the browser parsed");
                Assert.AreEqual(series.GetProperty("values").GetInt32(), points, $"{label}: nothing downsampled in a short run");
                var (count, max) = name == "percentiles"
                    ? (points, json.Require(series.GetProperty("name").GetString() == "service time" ? "serviceTimeMs" : "latencyMs").Require("max").GetDouble())
                    : Expected(seconds, series.GetProperty("name").GetString()!);
                Assert.AreEqual(count, points, $"{label}: one point per second with a value");
                Assert.AreEqual(max, double.Parse(series.GetProperty("max").GetString()!, CultureInfo.InvariantCulture), 1e-4, $"{label}: maximum");
            }
        }
    }

    /// <summary>Seconds with a value of the JSON series field the chart series is named after (a path such as
    /// <c>generator.cpuCores</c> for a nested one), and their maximum.</summary>
    private static (int Count, double Max) Expected(List<JsonElement> seconds, string field)
    {
        var values = seconds.Select(s => Field(s, field)).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        return (values.Count, values.DefaultIfEmpty(double.NaN).Max());
    }

    private static JsonElement Field(JsonElement second, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return second.Require(path);
        }

        var parent = second.Require(path[..dot]);
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(path[(dot + 1)..], out var value) ? value : default;
    }

    private void AttachScreenshot(byte[] png)
    {
        var folder = Directory.CreateDirectory(testContext.TestResultsDirectory ?? TempFolders.Create("screenshots")).FullName;
        var path = Path.Combine(folder, "html-report.png");
        File.WriteAllBytes(path, png);
        testContext.AddResultFile(path);
    }
}

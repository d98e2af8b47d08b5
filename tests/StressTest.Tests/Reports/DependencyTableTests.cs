// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Reports.Html;
using StressTest.Reports.Markdown;
using StressTest.Reports.Tables;

namespace StressTest.Tests.Reports;

/// <summary>What the simulated dependencies did is a table of the HTML and Markdown reports, not only of the JSON:
/// a row per counter, names shown as text, and no table at all for a test without dependencies.</summary>
[TestClass]
public sealed class DependencyTableTests
{
    [TestMethod]
    public void Dependencies_CountersOfEachDependency_AreOneRowEach()
    {
        var report = WithDependencies();

        var table = ReportTables.Dependencies(report);

        Assert.AreEqual("Simulated dependencies", table.Title);
        Assert.HasCount(3, table.Rows);
        Assert.AreSequenceEqual(new[] { "payments", "POST /charge 200", "1,470" }, table.Rows[0].Cells.ToArray());
        Assert.AreSequenceEqual(new[] { "payments", "POST /charge reset", "30" }, table.Rows[1].Cells.ToArray());
        Assert.AreSequenceEqual(new[] { ReportSamples.Script, "no counters", string.Empty }, table.Rows[2].Cells.ToArray());
    }

    [TestMethod]
    public void Render_Html_ShowsTheTableWithNamesAsText()
    {
        var html = HtmlDocument.Render(WithDependencies());

        Assert.Contains("<section id=\"dependencies\"><h2>Simulated dependencies</h2>", html);
        Assert.Contains("<td>POST /charge reset</td>", html);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>no counters</td>", html);
    }

    [TestMethod]
    public void Render_Markdown_ShowsTheTable()
    {
        var markdown = MarkdownReportExporter.Render(WithDependencies());

        Assert.Contains("Simulated dependencies", markdown);
        Assert.Contains("| payments | POST /charge 200 | 1,470 |", markdown);
    }

    [TestMethod]
    public void Render_NoDependencies_HasNoTable()
    {
        var (_, report) = ReportSamples.Open(2);

        Assert.DoesNotContain("Simulated dependencies", HtmlDocument.Render(report));
        Assert.DoesNotContain("Simulated dependencies", MarkdownReportExporter.Render(report));
    }

    private static StressReport WithDependencies()
    {
        var (_, report) = ReportSamples.Open(2);
        return report with
        {
            Dependencies =
            [
                new ReportDependency("payments", new OrderedDictionary<string, long> { ["POST /charge 200"] = 1_470, ["POST /charge reset"] = 30 }),
                new ReportDependency(ReportSamples.Script, new OrderedDictionary<string, long>()),
            ],
        };
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Reports.Markdown;

namespace StressTest.Tests.Reports;

/// <summary>The Markdown summary: escaped user strings, tables that stay tables, GitHub's step summary.</summary>
[TestClass]
public sealed class MarkdownReportExporterTests
{
    [TestMethod]
    [DataRow("a|b", "a\\|b")]
    [DataRow("`code`", "\\`code\\`")]
    [DataRow("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [DataRow("line\r\nnext\nlast", "line<br>next<br>last")]
    [DataRow("*bold* _it_ [link](x) ~s~ #1 a&b \\", "\\*bold\\* \\_it\\_ \\[link\\](x) \\~s\\~ \\#1 a&amp;b \\\\")]
    [DataRow("GET /orders/{id}", "GET /orders/{id}")]
    public void Escape_UserText_IsInertInATableCell(string text, string expected)
    {
        Assert.AreEqual(expected, MarkdownText.Escape(text));
    }

    [TestMethod]
    public void Render_HostileNames_KeepEveryTableRowOnOneLineWithItsColumns()
    {
        var (_, report) = ReportSamples.Open(3);

        var markdown = MarkdownReportExporter.Render(report);

        Assert.DoesNotContain("<script", markdown);
        Assert.DoesNotContain("<img", markdown);
        Assert.DoesNotContain("<b>", markdown, "nothing in this report is bold HTML");
        foreach (var table in markdown.Split("\n\n").Where(block => block.StartsWith('|')))
        {
            var rows = table.Split('\n');
            var columns = Cells(rows[0]);
            Assert.IsTrue(rows.All(r => Cells(r) == columns), table);
        }

        Assert.Contains("| **&lt;script&gt;alert(1)&lt;/script&gt;** | 300 |", markdown, "an endpoint with errors: its name in bold");
        Assert.Contains("a \\| b \\`c\\` &lt;b&gt;bold&lt;/b&gt;<br>next", markdown);
        Assert.StartsWith("## ❌ Open &lt;b&gt;sample&lt;/b&gt;: failed", markdown);
        Assert.Contains("| **FAIL** | p95 &lt; 30ms | 30.735 ms |", markdown);
    }

    [TestMethod]
    public async Task ExportAsync_StepSummaryVariableSet_AppendsTheMarkdownToThatFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "stresstest-summary-" + Guid.NewGuid().ToString("N") + ".md");
        try
        {
            await File.WriteAllTextAsync(path, "earlier step\n");
            var exporter = new MarkdownReportExporter(new GitHubStepSummary(name => name == GitHubStepSummary.Variable ? path : null));
            var report = ReportFixtures.Report(ReportFixtures.Measured());

            var written = await ExportAsync(exporter, report);
            await ExportAsync(exporter, report);

            var summary = await File.ReadAllTextAsync(path);
            Assert.AreEqual("earlier step\n" + written + "\n" + written + "\n", summary);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task ExportAsync_StepSummaryVariableUnset_WritesOnlyTheAttachment()
    {
        var asked = new List<string>();
        var exporter = new MarkdownReportExporter(new GitHubStepSummary(name =>
        {
            asked.Add(name);
            return null;
        }));

        var written = await ExportAsync(exporter, ReportFixtures.Report(ReportFixtures.Measured()));

        Assert.Contains("## ❌ Fixed report: failed", written);
        CollectionAssert.AreEqual(new[] { "GITHUB_STEP_SUMMARY" }, asked);
    }

    [TestMethod]
    public async Task ExportAsync_StepSummaryCannotBeWritten_StillWritesTheAttachment()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stresstest-missing-" + Guid.NewGuid().ToString("N"));
        var exporter = new MarkdownReportExporter(new GitHubStepSummary(_ => Path.Combine(folder, "summary.md")));

        var written = await ExportAsync(exporter, ReportFixtures.Report(ReportFixtures.Measured()));

        Assert.Contains("### Thresholds", written);
        Assert.IsFalse(Directory.Exists(folder));
    }

    private static int Cells(string row) => row.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|');

    private static async Task<string> ExportAsync(MarkdownReportExporter exporter, StressReport report)
    {
        using var stream = new MemoryStream();
        await exporter.ExportAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

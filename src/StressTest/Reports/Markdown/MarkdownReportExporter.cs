// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Reports.Tables;

namespace StressTest.Reports.Markdown;

/// <summary>
/// A Markdown summary for CI pages and pull requests: verdict, thresholds, key numbers and the endpoint, step,
/// check and error tables (the same tables as the HTML report). Also appended to GitHub's step summary when
/// <c>GITHUB_STEP_SUMMARY</c> is set.
/// </summary>
internal sealed class MarkdownReportExporter(GitHubStepSummary stepSummary) : IReportExporter
{
    public MarkdownReportExporter()
        : this(GitHubStepSummary.FromEnvironment)
    {
    }

    public string Extension => ".md";

    public string Description => "StressTest Markdown summary: verdict, thresholds, key numbers, endpoints, steps, checks, errors";

    public async ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var markdown = Render(report);
        await destination.WriteAsync(Encoding.UTF8.GetBytes(markdown), cancellationToken).ConfigureAwait(false);
        await stepSummary.AppendAsync(markdown, cancellationToken).ConfigureAwait(false);
    }

    public static string Render(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var markdown = new StringBuilder();
        var icon = report.Outcome switch { "passed" => "✅", "failed" => "❌", _ => "⚪" };
        markdown.Append("## ").Append(icon).Append(' ').Append(MarkdownText.Escape(report.DisplayName))
            .Append(": ").Append(MarkdownText.Escape(report.Outcome)).Append("\n\n");
        markdown.Append('`').Append(report.Test.Replace("`", "'", StringComparison.Ordinal)).Append("`\n\n");
        var reasons = ReportTables.Reasons(report);
        List(markdown, reasons);
        foreach (var warning in report.Warnings)
        {
            markdown.Append("> ⚠️ ").Append(MarkdownText.Escape(warning)).Append("\n\n");
        }

        MarkdownText.Table(markdown, ReportTables.Thresholds(report));
        var numbers = ReportTables.KeyNumbers(report);
        MarkdownText.Table(markdown, new ReportTable("numbers", "Key numbers", numbers.Select(n => new ReportColumn(n.Key, true)).ToList(), [new ReportRow(numbers.Select(n => n.Value).ToList())]));
        MarkdownText.Table(markdown, ReportTables.Endpoints(report));
        MarkdownText.Table(markdown, ReportTables.Steps(report));
        MarkdownText.Table(markdown, ReportTables.Checks(report));
        MarkdownText.Table(markdown, ReportTables.Errors(report));
        MarkdownText.Table(markdown, ReportTables.Dependencies(report));
        if (report.Problems.Count > 0)
        {
            markdown.Append("### Problems\n\n");
            List(markdown, report.Problems);
        }

        return markdown.ToString();
    }

    private static void List(StringBuilder markdown, IReadOnlyCollection<string> items)
    {
        foreach (var item in items)
        {
            markdown.Append("- ").Append(MarkdownText.Escape(item)).Append('\n');
        }

        if (items.Count > 0)
        {
            markdown.Append('\n');
        }
    }
}

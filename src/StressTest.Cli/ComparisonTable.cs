// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Evaluation;
using StressTest.Evaluation.Baselines;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;
using StressTest.Reports.Markdown;

namespace StressTest.Cli;

/// <summary>The comparison as a console table or as Markdown: one row per relative threshold with the baseline's and
/// the current value, the change with its 95 % interval, the limit and the verdict, then the warnings.</summary>
internal static class ComparisonTable
{
    private static readonly string[] Headers = ["threshold", "baseline", "current", "change [95 % interval]", "limit", "verdict"];

    public static string Text(StressReport baseline, StressReport current, IReadOnlyList<Comparison> comparisons, IReadOnlyList<string> warnings)
    {
        var rows = Rows(comparisons);
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{current.Test}: {Verdict(comparisons)}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  baseline {Run(baseline)}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  current  {Run(current)}").AppendLine();
        foreach (var row in rows.Prepend(Headers))
        {
            text.Append(("  " + string.Join("  ", row.Select((cell, i) => i is 0 or 5 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i])))).TrimEnd()).AppendLine();
        }

        foreach (var warning in warnings)
        {
            text.Append("  warning: ").Append(warning).AppendLine();
        }

        foreach (var note in comparisons.Where(c => c.Note is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {note.Threshold.Source}: {note.Note}").AppendLine();
        }

        return text.ToString();
    }

    public static string Markdown(StressReport baseline, StressReport current, IReadOnlyList<Comparison> comparisons, IReadOnlyList<string> warnings)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### `{current.Test}`: {Verdict(comparisons)}").AppendLine().AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Baseline {Run(baseline)}; current {Run(current)}.").AppendLine().AppendLine();
        text.Append("| ").AppendJoin(" | ", Headers).Append(" |").AppendLine();
        text.Append("| --- | ---: | ---: | ---: | ---: | --- |").AppendLine();
        foreach (var row in Rows(comparisons))
        {
            text.Append("| `").Append(Escape(row[0])).Append("` | ").AppendJoin(" | ", row.Skip(1).Take(4).Select(Escape)).Append(" | ").Append(Mark(row[5])).Append(" |").AppendLine();
        }

        if (warnings.Count > 0 || comparisons.Any(c => c.Note is not null))
        {
            text.AppendLine();
            foreach (var warning in warnings)
            {
                text.Append("> ⚠️ ").Append(MarkdownText.Escape(warning)).AppendLine();
            }

            foreach (var note in comparisons.Where(c => c.Note is not null))
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{Escape(note.Threshold.Source)}`: {MarkdownText.Escape(note.Note!)}").AppendLine();
            }
        }

        return text.ToString();
    }

    private static List<string[]> Rows(IReadOnlyList<Comparison> comparisons) =>
    [
        .. comparisons.Select(c => new[]
        {
            c.Threshold.Source,
            MetricFormat.Format(c.Threshold.Metric, c.Baseline),
            MetricFormat.Format(c.Threshold.Metric, c.Actual),
            c.ChangeText,
            $"{c.Threshold.Operator.Symbol()} {MetricFormat.Format(c.Threshold.Metric, c.Limit)}",
            c.VerdictText,
        }),
    ];

    private static string Verdict(IReadOnlyList<Comparison> comparisons) =>
        comparisons.Any(c => !c.Passed) ? "REGRESSED" : comparisons.Any(c => c.Verdict == ComparisonVerdict.Inconclusive) ? "passed (some inconclusive)" : "passed";

    private static string Run(StressReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"{report.RunId} ({report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.DurationSeconds:0.#} s, {report.Environment.Cores} cores, {report.Environment.Cpu ?? "cpu unknown"})");

    private static string Mark(string verdict) => verdict switch
    {
        "regressed" => "❌ regressed",
        "improved" => "✅ improved",
        "inconclusive" => "⚠️ inconclusive",
        _ => verdict,
    };

    /// <summary>Inside a code span in a table only the cell separator needs escaping; free text goes through
    /// <see cref="MarkdownText.Escape"/>, the reports' own escaping.</summary>
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

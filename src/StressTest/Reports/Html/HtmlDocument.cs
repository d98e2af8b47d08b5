// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Reports.Charts;
using StressTest.Reports.Tables;

namespace StressTest.Reports.Html;

/// <summary>
/// The HTML report page, top to bottom in the order a reader asks: did it pass and why not; the headline numbers;
/// the charts; the tables; the plan and where it ran. Self-contained: inline CSS and SVG, no script at all, and a
/// Content-Security-Policy that forbids scripts and every network fetch, so even a string that slipped past the
/// encoding could not run or call home.
/// </summary>
internal static class HtmlDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var outcome = HtmlText.Encode(report.Outcome);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<meta name=\"generator\" content=\"StressTest ").Append(HtmlText.Encode(report.Environment.ToolVersion)).Append("\">")
            .Append("<title>").Append(HtmlText.Encode(report.DisplayName)).Append(" · ").Append(outcome).Append(" · StressTest</title>")
            .Append("<style>").Append(HtmlStyles.Css).Append("</style></head><body><main>");

        Verdict(html, report);
        Numbers(html, report);

        html.Append("<section class=\"charts\" id=\"charts\">");
        foreach (var chart in ReportCharts.Build(report))
        {
            LineChart.Render(html, chart);
        }

        html.Append("</section>");
        HtmlTable.Render(html, ReportTables.Thresholds(report));
        HtmlTable.Render(html, ReportTables.Latency(report));
        HtmlTable.Render(html, ReportTables.Endpoints(report));
        HtmlTable.Render(html, ReportTables.Steps(report));
        HtmlTable.Render(html, ReportTables.Checks(report));
        HtmlTable.Render(html, ReportTables.Errors(report));
        HtmlTable.Render(html, ReportTables.Dependencies(report));
        Problems(html, report);

        html.Append("<div class=\"pair\">");
        HtmlTable.Render(html, ReportTables.Plan(report));
        HtmlTable.Render(html, ReportTables.Environment(report));
        html.Append("</div><p class=\"foot\">StressTest ").Append(HtmlText.Encode(report.Environment.ToolVersion))
            .Append(" · the JSON, CSV, .hgrm and .hlog reports beside this file hold the same numbers.</p></main></body></html>");
        return html.ToString();
    }

    /// <summary>The verdict first, then every reason it failed, one per line of the result's message.</summary>
    private static void Verdict(StringBuilder html, StressReport report)
    {
        var outcome = HtmlText.Encode(report.Outcome);
        html.Append("<header class=\"verdict ").Append(outcome).Append("\" data-outcome=\"").Append(outcome).Append("\">")
            .Append("<span class=\"badge\">").Append(outcome).Append("</span>")
            .Append("<h1>").Append(HtmlText.Encode(report.DisplayName)).Append("</h1>")
            .Append("<p class=\"test\">").Append(HtmlText.Encode(report.Test)).Append(" · ").Append(HtmlText.Encode(LoadLine(report))).Append("</p>");
        // Warnings (a saturated generator among them) are shown apart, in their own colour, not among the reasons.
        var reasons = ReportTables.Reasons(report);
        if (reasons.Count > 0)
        {
            html.Append("<ul class=\"reasons\">");
            foreach (var reason in reasons)
            {
                html.Append("<li>").Append(HtmlText.Encode(reason)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (report.Warnings.Count > 0)
        {
            html.Append("<ul class=\"warnings\" id=\"warnings\">");
            foreach (var warning in report.Warnings)
            {
                html.Append("<li>").Append(HtmlText.Encode(warning)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</header>");
    }

    private static void Numbers(StringBuilder html, StressReport report)
    {
        html.Append("<dl class=\"numbers\">");
        foreach (var (label, value) in ReportTables.KeyNumbers(report))
        {
            html.Append("<div><dt>").Append(HtmlText.Encode(label)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd></div>");
        }

        html.Append("</dl>");
    }

    private static void Problems(StringBuilder html, StressReport report)
    {
        if (report.Problems.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"problems\"><h2>Problems</h2><ul class=\"problems\">");
        foreach (var problem in report.Problems)
        {
            html.Append("<li>").Append(HtmlText.Encode(problem)).Append("</li>");
        }

        html.Append("</ul></section>");
    }

    /// <summary>The load in a few words: <c>open model, 200/s, measured 30 s after 5s warm-up</c>.</summary>
    private static string LoadLine(StressReport report)
    {
        var plan = report.Plan;
        var load = plan.Model == "open"
            ? plan.Stages is { } rateStages ? $"open model, stages {rateStages}" : string.Create(Invariant, $"open model, {plan.Rate:0.##}/s")
            : plan.Stages is { } workerStages ? $"closed model, stages {workerStages}" : string.Create(Invariant, $"closed model, {plan.Concurrency} worker(s)");
        return string.Create(Invariant, $"{load}, measured {report.DurationSeconds:0.###} s after {plan.WarmUpText} warm-up");
    }
}

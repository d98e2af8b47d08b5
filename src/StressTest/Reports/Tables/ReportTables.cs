// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using static StressTest.Reports.Tables.ReportNumbers;

namespace StressTest.Reports.Tables;

/// <summary>
/// The tables the HTML and Markdown reports show, built once from the <see cref="StressReport"/>. Cells hold raw
/// display text, user and server strings included: each renderer escapes for its own format.
/// </summary>
internal static class ReportTables
{
    /// <summary>A table longer than this ends with a row pointing to the JSON report: names are capped at 100 per
    /// kind by the engine, but error kinds are not, and a report must stay small enough to open on a phone.</summary>
    public const int MaxRows = 100;

    private static readonly ReportColumn[] LatencyColumns =
        [new("p50 ms", true), new("p95 ms", true), new("p99 ms", true), new("max ms", true)];

    private static readonly ReportColumn[] StatisticsColumns =
        [new("ms"), .. new[] { "min", "mean", "p50", "p75", "p90", "p95", "p99", "p99.9", "max" }.Select(n => new ReportColumn(n, true))];

    /// <summary>The headline figures, in the order a reader scans them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> KeyNumbers(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var numbers = new List<KeyValuePair<string, string>>
        {
            new("count", Count(report.Count)),
            new("rps", Rate(report.Rps)),
            new("errors", $"{Count(report.Errors)} ({Percent(report.ErrorRate)})"),
        };
        if (report.Plan.Model == "open")
        {
            numbers.Add(new("dropped", $"{Count(report.Dropped)} ({Percent(report.DroppedRate)})"));
        }

        if (report.Stuck > 0)
        {
            numbers.Add(new("stuck", Count(report.Stuck)));
        }

        if (report.Checks.Count > 0)
        {
            numbers.Add(new("checks held", Percent(report.ChecksRate)));
        }

        var latency = report.LatencyMs;
        numbers.AddRange(
        [
            new("p50", Ms(latency.P50) + " ms"),
            new("p95", Ms(latency.P95) + " ms"),
            new("p99", Ms(latency.P99) + " ms"),
            new("p99.9", Ms(latency.P99_9) + " ms"),
            new("max", Ms(latency.Max) + " ms"),
            new("measured", Seconds(report.DurationSeconds)),
        ]);
        return numbers;
    }

    /// <summary>Why the result is what it is, one line of its message each; warnings (a saturated generator among
    /// them) are left to be shown apart, in their own colour.</summary>
    public static IReadOnlyList<string> Reasons(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (report.Message ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(r => !report.Warnings.Contains(r))
            .ToList();
    }

    public static ReportTable Thresholds(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Thresholds.Select(t => new ReportRow(
            [
                t.Passed ? "pass" : "FAIL",
                t.Step is null ? t.Source : $"step \"{t.Step}\": {t.Source}",
                t.ActualText,
                t.Problem ?? (t.IsDefault ? "default: any error fails the test" : string.Empty),
            ],
            Flagged: !t.Passed));
        return Table("thresholds", "Thresholds", [new("result"), new("threshold"), new("measured", true), new("note")], rows);
    }

    public static ReportTable Latency(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fromIntended = report.LatencyMeasuredFrom == "intendedStart";
        var rows = new List<ReportRow> { Statistics(fromIntended ? "latency (from intended start)" : "latency", report.LatencyMs) };
        if (fromIntended)
        {
            rows.Add(Statistics("service time (from actual start)", report.ServiceTimeMs));
            rows.Add(Statistics("start lateness", report.StartLatenessMs));
        }

        return new ReportTable("latency-statistics", "Latency", StatisticsColumns, rows);
    }

    public static ReportTable Endpoints(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Endpoints.Select(e => new ReportRow(
            [e.Name, Count(e.Count), Count(e.Errors), .. LatencyCells(e.LatencyMs), StatusCodes(e.StatusCodes), Bytes(e.BytesIn), Bytes(e.BytesOut)],
            Flagged: e.Errors > 0));
        return Table("endpoints", "Endpoints", [new("endpoint"), new("count", true), new("errors", true), .. LatencyColumns, new("status codes"), new("in", true), new("out", true)], rows);
    }

    public static ReportTable Steps(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Steps.Select(s => new ReportRow([s.Name, Count(s.Count), Count(s.Errors), .. LatencyCells(s.LatencyMs)], Flagged: s.Errors > 0));
        return Table("steps", "Steps", [new("step"), new("count", true), new("errors", true), .. LatencyColumns], rows);
    }

    public static ReportTable Checks(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Checks.Select(c => new ReportRow(
            [c.Name, c.Assertion ? "assertion" : "check", c.Passed is { } passed ? Count(passed) : NotMeasured, Count(c.Failed)],
            Flagged: c.Failed > 0));
        return Table("checks", "Checks", [new("check"), new("kind"), new("passed", true), new("failed", true)], rows);
    }

    public static ReportTable Errors(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.ErrorsByType.Select(e => new ReportRow(
            [e.Type, e.Category, Count(e.Count), Seconds(e.FirstSeconds), Seconds(e.LastSeconds), e.FirstMessage]));
        return Table("errors", "Errors", [new("type"), new("category"), new("count", true), new("first", true), new("last", true), new("first message")], rows);
    }

    /// <summary>What the test's simulated dependencies did (a mock: requests per route and outcome), one row per
    /// counter, in the order the dependency reported them.</summary>
    public static ReportTable Dependencies(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Dependencies.SelectMany(d => d.Counters.Count == 0
            ? [new ReportRow([d.Name, "no counters", string.Empty])]
            : d.Counters.Select(c => new ReportRow([d.Name, c.Key, Count(c.Value)])));
        return Table("dependencies", "Simulated dependencies", [new("dependency"), new("counter"), new("count", true)], rows);
    }

    /// <summary>The load as it ran, and the settings that shaped it; fields the model does not use are left out.</summary>
    public static ReportTable Plan(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.Plan;
        var fields = new (string Name, string? Value)[]
        {
            ("model", plan.Model),
            ("concurrency", plan.Concurrency?.ToString(CultureInfo.InvariantCulture)),
            ("rate", plan.Rate is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) + "/s" : null),
            ("maxConcurrency", plan.MaxConcurrency?.ToString(CultureInfo.InvariantCulture)),
            ("arrivals", plan.Arrivals),
            ("pacing", plan.Pacing),
            ("stages", plan.Stages),
            ("warmUp", plan.WarmUpText),
            ("duration", plan.Duration),
            ("timeout", plan.Timeout),
            ("durationScale", plan.DurationScale.ToString("0.###", CultureInfo.InvariantCulture)),
            ("latency measured from", report.LatencyMeasuredFrom),
        };
        return KeyValues("plan", "Plan", fields);
    }

    public static ReportTable Environment(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var environment = report.Environment;
        var fields = new (string Name, string? Value)[]
        {
            ("test", report.Test),
            ("run id", report.RunId),
            ("started at", report.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ("machine", environment.Machine),
            ("os", environment.Os),
            ("cores", environment.Cores.ToString(CultureInfo.InvariantCulture)),
            ("runtime", environment.Runtime),
            ("StressTest", environment.ToolVersion),
        };
        return KeyValues("environment", "Environment", fields);
    }

    private static ReportTable KeyValues(string id, string title, IEnumerable<(string Name, string? Value)> fields) =>
        new(id, title, [new("setting"), new("value")], fields.Where(f => f.Value is not null).Select(f => new ReportRow([f.Name, f.Value!])).ToList());

    private static ReportRow Statistics(string name, ReportLatency l) =>
        new([name, Ms(l.Min), Ms(l.Mean), Ms(l.P50), Ms(l.P75), Ms(l.P90), Ms(l.P95), Ms(l.P99), Ms(l.P99_9), Ms(l.Max)]);

    private static string[] LatencyCells(ReportLatency l) => [Ms(l.P50), Ms(l.P95), Ms(l.P99), Ms(l.Max)];

    private static string StatusCodes(IReadOnlyDictionary<string, long> codes) =>
        string.Join(" ", codes.Select(c => (c.Key == "0" ? "none" : c.Key) + "×" + Count(c.Value)));

    private static ReportTable Table(string id, string title, IReadOnlyList<ReportColumn> columns, IEnumerable<ReportRow> rows)
    {
        var all = rows.ToList();
        if (all.Count > MaxRows)
        {
            var more = new string[columns.Count];
            Array.Fill(more, string.Empty);
            more[0] = $"… {Count(all.Count - MaxRows)} more in the JSON report";
            all = [.. all.Take(MaxRows), new ReportRow(more)];
        }

        return new ReportTable(id, title, columns, all);
    }
}

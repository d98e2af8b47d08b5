// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json.Serialization;

namespace StressTest.Reports;

/// <summary>
/// One relative threshold judged against the baseline. Values are in the metric's unit (ms, fraction, /s, count);
/// <c>change</c>, <c>changeLow</c> and <c>changeHigh</c> are percent of the baseline (<c>changeUnit</c> <c>%</c>) or,
/// for error_rate, dropped_rate and dropped, absolute (<c>changeUnit</c> <c>pp</c> percentage points, or
/// <c>count</c>); the interval is null when the runs are too short for one.
/// </summary>
internal sealed record ReportComparison(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("limit")] double? Limit,
    [property: JsonPropertyName("actual")] double? Actual,
    [property: JsonPropertyName("change")] double? Change,
    [property: JsonPropertyName("changeLow")] double? ChangeLow,
    [property: JsonPropertyName("changeHigh")] double? ChangeHigh,
    [property: JsonPropertyName("changeUnit")] string ChangeUnit,
    [property: JsonPropertyName("baselineSeconds")] int BaselineSeconds,
    [property: JsonPropertyName("currentSeconds")] int CurrentSeconds,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>The baseline a report was compared with (or recorded as): <c>status</c> is <c>compared</c>,
/// <c>missing</c> or <c>recorded</c>; <c>warnings</c> name what differs between the runs' machines and loads.</summary>
internal sealed record ReportBaseline(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("runId")] string? RunId,
    [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

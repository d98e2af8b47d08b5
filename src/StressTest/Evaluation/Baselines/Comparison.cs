// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation.Baselines;

/// <summary>
/// One relative threshold judged against a baseline: the values, the change with its 95 % interval and the verdict.
/// The change is percent of the baseline for latency, rps and count, and absolute for error_rate and dropped_rate
/// (percentage points: a relative change of a 0 % baseline means nothing) and dropped (arrivals).
/// </summary>
internal sealed record Comparison(Threshold Threshold, ComparisonVerdict Verdict, bool Passed)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public double Baseline { get; init; } = double.NaN;

    public double Limit { get; init; } = double.NaN;

    public double Actual { get; init; } = double.NaN;

    /// <summary>The whole run's change, in <see cref="ChangeUnit"/>.</summary>
    public double Change { get; init; } = double.NaN;

    /// <summary>The 95 % interval of the per-second change, in <see cref="ChangeUnit"/>; NaN when there is none.</summary>
    public double ChangeLow { get; init; } = double.NaN;

    public double ChangeHigh { get; init; } = double.NaN;

    /// <summary><c>%</c> (of the baseline), <c>pp</c> (percentage points) or <c>count</c>.</summary>
    public string ChangeUnit { get; init; } = "%";

    public int BaselineSeconds { get; init; }

    public int CurrentSeconds { get; init; }

    /// <summary>Why the verdict is what it is when that needs saying (no baseline, too short, noise).</summary>
    public string? Note { get; init; }

    /// <summary>The verdict as the JSON report writes it: <c>regressed</c>, <c>noBaseline</c>…</summary>
    public string VerdictText => char.ToLowerInvariant(Verdict.ToString()[0]) + Verdict.ToString()[1..];

    /// <summary><c>+41.4 % [+38.0 %, +44.9 %]</c>, or the change alone when there is no interval.</summary>
    public string ChangeText => double.IsNaN(ChangeLow)
        ? FormatChange(Change)
        : $"{FormatChange(Change)} [{FormatChange(ChangeLow)}, {FormatChange(ChangeHigh)}]";

    /// <summary>One line: <c>p95 = 14.31 ms, baseline 10.12 ms: +41.4 % [+38.0 %, +44.9 %], expected p95 &lt; baseline
    /// + 10% (&lt; 11.13 ms): regressed</c>.</summary>
    public string Describe()
    {
        var metric = Threshold.Metric;
        if (Verdict == ComparisonVerdict.NoBaseline)
        {
            return $"{Threshold.Source}: no baseline{(Note is null ? string.Empty : " (" + Note + ")")}";
        }

        var limit = $"{Threshold.Operator.Symbol()} {MetricFormat.Format(metric, Limit)}";
        var note = Note is null ? string.Empty : $" ({Note})";
        return $"{metric.Name} = {MetricFormat.Format(metric, Actual)}, baseline {MetricFormat.Format(metric, Baseline)}: {ChangeText}, expected {Threshold.Source} ({limit}): {VerdictText}{note}";
    }

    private string FormatChange(double value) => double.IsNaN(value)
        ? "n/a"
        : ChangeUnit switch
        {
            "count" => value.ToString("+0;-0;+0", Invariant),
            "pp" => value.ToString("+0.00;-0.00;+0.00", Invariant) + " pp",
            _ => value.ToString("+0.0;-0.0;+0.0", Invariant) + " %",
        };
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation.Statistics;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation.Baselines;

/// <summary>
/// Judges relative thresholds (<c>p95 &lt; baseline + 10%</c>) by comparing a run with its baseline, noise-aware:
/// a threshold fails (regressed) only when the whole-run value is past the limit <em>and</em> the 95 % interval of
/// the per-second change lies entirely beyond it, so a true change within the tolerance fails at most 2.5 % of the
/// time. Past the limit with an interval that excludes no change but reaches inside the tolerance is inconclusive
/// (passes, with a warning); past the limit with an interval that includes no change is noise (unchanged). The interval is the Hodges–Lehmann / Moses interval of the
/// shift between the two runs' per-second values (<see cref="ShiftInterval"/>), on a log scale for latency, rps
/// and count (a regression is "30 % slower", a ratio) and on the plain scale for rates and drops (0 % is common).
/// </summary>
internal static class BaselineComparer
{
    /// <summary>1 − confidence of the interval, two-sided.</summary>
    public const double Alpha = 0.05;

    /// <summary>Zero has no logarithm; a per-second rps of 0 (a stalled second) is taken as this instead.</summary>
    private const double LogFloor = 1e-9;

    public static IReadOnlyList<Comparison> Compare(RunFigures baseline, RunFigures current, IEnumerable<Threshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return [.. thresholds.Where(t => t.Relative is not null).Select(t => Judge(t, baseline, current))];
    }

    /// <summary>The comparison of a relative threshold when there is no baseline.</summary>
    public static Comparison Missing(Threshold threshold, bool passes, string note) =>
        new(threshold, ComparisonVerdict.NoBaseline, passes) { Note = note };

    public static Comparison Judge(Threshold threshold, RunFigures baseline, RunFigures current)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var relative = threshold.Relative ?? throw new ArgumentException("Not a relative threshold.", nameof(threshold));
        var metric = threshold.Metric;
        var before = RunSeries.Of(baseline, metric);
        var now = RunSeries.Of(current, metric);
        var additive = metric.IsRate || metric.Kind == MetricKind.Dropped;
        var limit = relative.Apply(before.Value);
        var unit = !additive ? "%" : metric.IsRate ? "pp" : "count";
        var comparison = new Comparison(threshold, ComparisonVerdict.Unchanged, true)
        {
            Baseline = before.Value,
            Limit = limit,
            Actual = now.Value,
            ChangeUnit = unit,
            BaselineSeconds = before.PerSecond.Count,
            CurrentSeconds = now.PerSecond.Count,
        };

        if (double.IsNaN(before.Value) || (!additive && before.Value <= 0))
        {
            return comparison with { Verdict = ComparisonVerdict.Inconclusive, Note = $"the baseline has no {metric.Name} to compare with" };
        }

        if (double.IsNaN(now.Value))
        {
            return comparison with { Verdict = ComparisonVerdict.Inconclusive, Passed = false, Note = "nothing was measured" };
        }

        double Scale(double value) => additive ? value : Math.Log(Math.Max(value, LogFloor));
        double Show(double shift) => additive ? (metric.IsRate ? shift * 100 : shift) : (Math.Exp(shift) - 1) * 100;

        // Everything below is in "worse is bigger" space: s = −1 flips rps >= ..., where lower is worse.
        var s = threshold.Operator is ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual ? 1 : -1;
        var change = Scale(now.Value) - Scale(before.Value);
        var limitShift = s * (Scale(limit) - Scale(before.Value));
        var mirrorShift = s * (Scale(relative.Mirror(before.Value)) - Scale(before.Value));
        var interval = ShiftInterval.Compute([.. before.PerSecond.Select(Scale)], [.. now.PerSecond.Select(Scale)], Alpha);
        comparison = comparison with { Change = Show(change) };
        if (interval is { } found)
        {
            comparison = comparison with { ChangeLow = Show(found.Low), ChangeHigh = Show(found.High) };
        }

        var violated = !threshold.Operator.Holds(now.Value, limit);
        if (interval is not { } i)
        {
            return violated
                ? comparison with { Verdict = ComparisonVerdict.Inconclusive, Note = $"too few seconds for a 95 % interval ({before.PerSecond.Count} in the baseline, {comparison.CurrentSeconds} now); run at least 5 s, 10 s or more to judge small changes" }
                : comparison;
        }

        var (low, high) = s > 0 ? (i.Low, i.High) : (-i.High, -i.Low);
        if (violated && low > limitShift)
        {
            return comparison with { Verdict = ComparisonVerdict.Regressed, Passed = false };
        }

        if (violated && low > 0)
        {
            return comparison with { Verdict = ComparisonVerdict.Inconclusive, Note = "past the limit, and the change is real, but the interval reaches back inside the tolerance; run longer to decide" };
        }

        if (violated)
        {
            return comparison with { Note = "past the limit by noise alone: the interval includes no change" };
        }

        if (low > limitShift)
        {
            return comparison with { Verdict = ComparisonVerdict.Inconclusive, Note = "the per-second values are past the limit but the whole run is not" };
        }

        return high < mirrorShift && s * change < mirrorShift
            ? comparison with { Verdict = ComparisonVerdict.Improved, Note = "better than the baseline by more than the tolerance: consider recording a new baseline" }
            : comparison;
    }
}

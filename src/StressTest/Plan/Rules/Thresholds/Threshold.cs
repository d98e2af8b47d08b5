// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Plan.Rules.Thresholds;

/// <summary>
/// A parsed threshold. It keeps the text the user wrote (<see cref="Source"/>) next to its parsed form, so every
/// message and report can quote the user's own words.
/// </summary>
/// <param name="Source">The expression exactly as written in the attribute.</param>
/// <param name="Metric">What is measured.</param>
/// <param name="Operator">How the measured value is compared.</param>
/// <param name="Limit">The limit in the metric's canonical unit: milliseconds for latency, a fraction (0..1) for
/// error_rate, invocations per second for rps, a plain number for count.</param>
internal sealed record Threshold(string Source, ThresholdMetric Metric, ComparisonOperator Operator, double Limit)
{
    /// <summary>The step the threshold applies to; null for the whole invocation.</summary>
    public string? Step { get; init; }

    /// <summary>For a relative threshold (<c>p95 &lt; baseline + 10%</c>) how the limit is made from the baseline's
    /// value; null for an absolute threshold. A relative threshold's <see cref="Limit"/> is NaN: it is judged against a
    /// baseline (Baselines/BaselineComparer), never by <c>ThresholdEvaluator</c>.</summary>
    public RelativeLimit? Relative { get; init; }

    /// <summary>What the threshold measures, for messages: <c>p95</c> or <c>step "checkout" p95</c>.</summary>
    public string Label => Step is null ? Metric.Name : $"step \"{Step}\" {Metric.Name}";
}

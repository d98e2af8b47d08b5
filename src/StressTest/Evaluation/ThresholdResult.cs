// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation;

/// <summary>A threshold checked against a run.</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="Actual">The measured value in the metric's canonical unit; NaN when nothing was measured.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="IsDefault">True for the implicit <c>error_rate &lt;= 0%</c> that applies when the method declares no
/// error_rate threshold.</param>
internal sealed record ThresholdResult(Threshold Threshold, double Actual, bool Passed, bool IsDefault)
{
    /// <summary>Why the threshold could not be measured at all (a step that never ran); null otherwise.</summary>
    public string? Problem { get; init; }

    /// <summary>The measured value with its unit, e.g. <c>183.4 ms</c> or <c>2.5 %</c>.</summary>
    public string ActualText => Format(Actual);

    /// <summary>One line for messages: <c>p95 = 183.4 ms, expected &lt; 150 ms</c>.</summary>
    public string Describe()
    {
        var metric = Threshold.Label;
        var expected = $"{Threshold.Operator.Symbol()} {Format(Threshold.Limit)}";
        var origin = IsDefault ? " (default: any error fails the test; declare an error_rate threshold to allow some)" : string.Empty;
        return Problem is not null
            ? $"{metric}: {Problem}, expected {expected}"
            : double.IsNaN(Actual)
                ? $"{metric}: nothing was measured, expected {expected}{origin}"
                : $"{metric} = {ActualText}, expected {expected}{origin}";
    }

    private string Format(double value) => MetricFormat.Format(Threshold.Metric, value);
}

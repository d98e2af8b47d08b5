// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>How a relative threshold's limit is made from the baseline's value.</summary>
internal enum RelativeOperation
{
    /// <summary><c>baseline</c> alone: the limit is the baseline's value.</summary>
    None,

    /// <summary><c>baseline + amount</c>.</summary>
    Plus,

    /// <summary><c>baseline - amount</c>.</summary>
    Minus,

    /// <summary><c>baseline * factor</c>.</summary>
    Times,
}

/// <summary>
/// The right-hand side of a relative threshold such as <c>p95 &lt; baseline + 10%</c>: the limit is computed from
/// the baseline's value of the same metric when the run is compared.
/// </summary>
/// <param name="Operation">How the baseline's value is changed.</param>
/// <param name="Amount">For <see cref="RelativeOperation.Times"/> the factor; otherwise the amount, either a fraction
/// of the baseline's value (<paramref name="OfBaseline"/>: <c>10%</c> is 0.1) or an absolute value in the metric's
/// canonical unit (ms, fraction, /s, count).</param>
/// <param name="OfBaseline">True when the amount is a share of the baseline's value (<c>+ 10%</c> on latency, rps
/// or count). On error_rate and dropped_rate, which are percentages already, <c>+ 0.5%</c> adds percentage
/// points and this is false.</param>
internal sealed record RelativeLimit(RelativeOperation Operation, double Amount, bool OfBaseline)
{
    public static RelativeLimit Baseline { get; } = new(RelativeOperation.None, 0, false);

    /// <summary>The limit for a baseline value.</summary>
    public double Apply(double baseline) => Operation switch
    {
        RelativeOperation.Plus => OfBaseline ? baseline * (1 + Amount) : baseline + Amount,
        RelativeOperation.Minus => OfBaseline ? baseline * (1 - Amount) : baseline - Amount,
        RelativeOperation.Times => baseline * Amount,
        _ => baseline,
    };

    /// <summary>The same tolerance on the other side of the baseline (<c>+ 10%</c> ↔ <c>- 10%</c>,
    /// <c>* 1.2</c> ↔ <c>/ 1.2</c>): beyond it a run counts as improved.</summary>
    public double Mirror(double baseline) => Operation switch
    {
        RelativeOperation.Times => baseline / Amount,
        _ => (2 * baseline) - Apply(baseline),
    };
}

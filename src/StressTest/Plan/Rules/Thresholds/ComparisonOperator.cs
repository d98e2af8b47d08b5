// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>How a measured value is compared with a threshold's limit.</summary>
internal enum ComparisonOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
}

/// <summary>Text and evaluation of <see cref="ComparisonOperator"/>.</summary>
internal static class ComparisonOperatorExtensions
{
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.Equal => "==",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool Holds(this ComparisonOperator op, double actual, double limit) => op switch
    {
        ComparisonOperator.LessThan => actual < limit,
        ComparisonOperator.LessThanOrEqual => actual <= limit,
        ComparisonOperator.GreaterThan => actual > limit,
        ComparisonOperator.GreaterThanOrEqual => actual >= limit,
        ComparisonOperator.Equal => actual == limit,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}

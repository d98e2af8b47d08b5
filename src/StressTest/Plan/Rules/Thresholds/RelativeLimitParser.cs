// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>
/// Parses the value side of a relative threshold: <c>baseline</c>, optionally followed by <c>+ amount</c>,
/// <c>- amount</c> or <c>* factor</c> (<c>p95 &lt; baseline + 10%</c>, <c>p99 &lt;= baseline * 1.2</c>,
/// <c>rps &gt;= baseline - 5%</c>, <c>error_rate &lt;= baseline + 0.5%</c>, <c>p95 &lt; baseline + 5ms</c>).
/// Like <see cref="ThresholdParser"/> it never throws on bad input and quotes what it could not read.
/// </summary>
internal static class RelativeLimitParser
{
    /// <summary>The percentiles the per-second series records, the only ones a baseline can be compared on.</summary>
    public static readonly double[] SeriesPercentiles = [50, 75, 90, 95, 99, 99.9];

    /// <summary>True when the value starts with the word <c>baseline</c> or something close to it (at most two letters
    /// off: <c>basline</c>), which then gets a message about baselines; other words keep the number's message.</summary>
    public static bool IsRelative(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var word = new string([.. value.TakeWhile(char.IsLetter)]).ToLowerInvariant();
        return word.Length > 0 && Spelling.Distance(word, "baseline") <= 2;
    }

    public static ParseResult<Threshold> Parse(string source, ThresholdMetric metric, ComparisonOperator op, string value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.TrimEnd();
        var word = new string([.. rest.TakeWhile(c => char.IsLetterOrDigit(c) || c == '_')]);
        if (!string.Equals(word, "baseline", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(source, $"unknown value \"{word}\" (did you mean \"baseline\"?); expected a number or \"baseline\", e.g. \"{metric.Name} {op.Symbol()} baseline + 10%\".");
        }

        if (Unsupported(metric, op) is { } unsupported)
        {
            return Fail(source, unsupported);
        }

        rest = rest[word.Length..].TrimStart();
        if (rest.Length == 0)
        {
            return Success(source, metric, op, RelativeLimit.Baseline);
        }

        var operation = rest[0] switch
        {
            '+' => RelativeOperation.Plus,
            '-' => RelativeOperation.Minus,
            '*' => RelativeOperation.Times,
            _ => RelativeOperation.None,
        };
        if (operation == RelativeOperation.None)
        {
            var hint = rest[0] == '/' ? " (to divide, multiply by a factor below 1, e.g. \"baseline * 0.8\")" : string.Empty;
            return Fail(source, $"unexpected \"{rest}\" after \"baseline\"; expected + , - or * followed by an amount, e.g. \"baseline + 10%\"{hint}.");
        }

        var symbol = rest[0];
        var amount = rest[1..].Trim();
        if (amount.Length == 0)
        {
            return Fail(source, $"missing amount after \"baseline {symbol}\"; expected {Example(metric, operation)}.");
        }

        var number = new string([.. amount.TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]);
        if (number.Length == 0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || number.StartsWith('.') || number.EndsWith('.'))
        {
            return operation == RelativeOperation.Times
                ? Fail(source, $"the factor \"{amount}\" after \"baseline *\" must be a number greater than 0, e.g. \"baseline * 1.2\".")
                : Fail(source, $"the amount \"{amount}\" after \"baseline {symbol}\" must be a positive number, {Example(metric, operation)}.");
        }

        var unit = amount[number.Length..].Trim();
        return operation == RelativeOperation.Times
            ? Factor(source, metric, op, amount, parsed, unit)
            : Amount(source, metric, op, operation, symbol, number, parsed, unit);
    }

    /// <summary>Why this metric and operator cannot be compared with a baseline; null when they can.</summary>
    private static string? Unsupported(ThresholdMetric metric, ComparisonOperator op)
    {
        if (op == ComparisonOperator.Equal)
        {
            return "\"==\" cannot compare with a baseline: two runs never measure exactly the same; use <= or >= with a tolerance, e.g. \"p95 <= baseline + 10%\".";
        }

        if (metric.Kind == MetricKind.Checks)
        {
            return "checks cannot be compared with a baseline (the per-second series has no checks); use an absolute threshold such as \"checks > 99%\".";
        }

        if (metric.Kind == MetricKind.Percentile && !SeriesPercentiles.Contains(metric.Percentile))
        {
            return $"{metric.Name} cannot be compared with a baseline: the comparison uses the per-second series, which records p50, p75, p90, p95, p99 and p99.9; use one of those, or an absolute threshold for {metric.Name}.";
        }

        return null;
    }

    private static ParseResult<Threshold> Factor(string source, ThresholdMetric metric, ComparisonOperator op, string amount, double factor, string unit)
    {
        if (unit.Length > 0)
        {
            return Fail(source, $"the factor \"{amount}\" after \"baseline *\" takes no unit; expected a plain number such as \"baseline * 1.2\".");
        }

        return factor > 0 && double.IsFinite(factor)
            ? Success(source, metric, op, new RelativeLimit(RelativeOperation.Times, factor, false))
            : Fail(source, $"the factor \"{amount}\" after \"baseline *\" must be a number greater than 0, e.g. \"baseline * 1.2\".");
    }

    private static ParseResult<Threshold> Amount(
        string source, ThresholdMetric metric, ComparisonOperator op, RelativeOperation operation, char symbol, string number, double value, string unit)
    {
        var lower = unit.ToLowerInvariant();
        var written = number + unit;
        (double Amount, bool OfBaseline)? amount = (metric.IsRate, lower) switch
        {
            (true, "%") => (value / 100, false),
            (true, "") when value <= 1 => (value, false),
            (false, "%") => (value / 100, true),
            (false, "us" or "\u00b5s" or "\u03bcs") when metric.IsLatency => (value / 1000, false),
            (false, "ms") when metric.IsLatency => (value, false),
            (false, "s") when metric.IsLatency => (value * 1000, false),
            (false, "") when metric.Kind is MetricKind.Count or MetricKind.Dropped && value == Math.Floor(value) => (value, false),
            (false, "" or "/s") when metric.Kind == MetricKind.Rps => (value, false),
            _ => null,
        };
        if (amount is null)
        {
            return Fail(source, $"\"{written}\" after \"baseline {symbol}\" is not an amount of {metric.Name}: {UnitProblem(metric, unit)}; expected {Example(metric, operation)}.");
        }

        if (operation == RelativeOperation.Minus && amount.Value.OfBaseline && amount.Value.Amount >= 1)
        {
            return Fail(source, $"\"baseline - {written}\" leaves nothing of the baseline; expected less than 100 %, e.g. \"baseline - 10%\".");
        }

        return Success(source, metric, op, new RelativeLimit(operation, amount.Value.Amount, amount.Value.OfBaseline));
    }

    private static string UnitProblem(ThresholdMetric metric, string unit) => unit.Length == 0
        ? metric.IsLatency ? "it needs % (of the baseline) or a time unit (us, ms, s)"
            : metric.IsRate ? "a fraction must be at most 1"
            : "it must be a whole number"
        : metric.IsLatency && char.IsLetter(unit[0]) ? $"unknown unit \"{unit}\" (expected % or us, ms, s)"
        : $"the unit \"{unit}\" does not apply";

    private static string Example(ThresholdMetric metric, RelativeOperation operation) => operation switch
    {
        RelativeOperation.Times => "a factor greater than 0, e.g. \"baseline * 1.2\"",
        _ when metric.IsRate => "percentage points such as \"0.5%\" or a fraction such as \"0.005\", e.g. \"error_rate <= baseline + 0.5%\"",
        _ when metric.IsLatency => $"a share of the baseline or a time, e.g. \"{metric.Name} < baseline + 10%\" or \"{metric.Name} < baseline + 5ms\"",
        _ when metric.Kind == MetricKind.Rps => "a share of the baseline or a rate, e.g. \"rps >= baseline - 5%\" or \"rps >= baseline - 50\"",
        _ => $"a share of the baseline or a whole number, e.g. \"{metric.Name} <= baseline + 10%\"",
    };

    private static ParseResult<Threshold> Success(string source, ThresholdMetric metric, ComparisonOperator op, RelativeLimit relative) =>
        ParseResult<Threshold>.Success(new Threshold(source, metric, op, double.NaN) { Relative = relative });

    private static ParseResult<Threshold> Fail(string source, string message) =>
        ParseResult<Threshold>.Failure($"Threshold \"{source}\": {message}");
}

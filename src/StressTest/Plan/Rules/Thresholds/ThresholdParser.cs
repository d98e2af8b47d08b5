// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>
/// Parses threshold expressions of the form <c>&lt;metric&gt; &lt;op&gt; &lt;value&gt;[unit]</c>, e.g.
/// <c>p95 &lt; 150ms</c>, <c>error_rate &lt;= 1%</c>, <c>rps &gt;= 200</c>, <c>count &gt; 1000</c>.
/// </summary>
/// <remarks>
/// Anything the grammar does not know is an error that quotes the offending token, never a silent pass: a threshold
/// that cannot fail is worse than none (k6 #1526). Whitespace between tokens is optional; metric names and units are
/// case-insensitive. Limits are stored in the metric's canonical unit (see <see cref="Threshold.Limit"/>).
/// </remarks>
internal static class ThresholdParser
{
    private const string MetricList = "min, mean, max, a percentile such as p95 or p99.9, error_rate, rps, count, dropped, dropped_rate, checks or probe:NAME followed by min, max, mean or last";
    private const string OperatorList = "<, <=, >, >= or ==";

    /// <summary>Parses <paramref name="expression"/>, applied to <paramref name="step"/> when given; never throws on
    /// bad input.</summary>
    public static ParseResult<Threshold> Parse(string? expression, string? step = null)
    {
        var parsed = ParseExpression(expression);
        if (!parsed.IsSuccess || step is null)
        {
            return parsed;
        }

        var threshold = parsed.Value;
        if (string.IsNullOrWhiteSpace(step))
        {
            return Fail(threshold.Source, $"Step = \"{step}\" is empty; expected the name of a step the method times with ctx.Step(\"name\", ...).");
        }

        if (threshold.Relative is not null)
        {
            return Fail(threshold.Source, $"a threshold on a step (Step = \"{step}\") cannot compare with a baseline (baselines keep the whole invocation's per-second series); use an absolute threshold for the step.");
        }

        return threshold.Metric.AppliesToSteps
            ? ParseResult<Threshold>.Success(threshold with { Step = step })
            : Fail(threshold.Source, $"{threshold.Metric.Name} does not apply to a step (Step = \"{step}\"); a step has latency metrics (p95, mean…), count, rps and error_rate.");
    }

    private static ParseResult<Threshold> ParseExpression(string? expression)
    {
        var source = expression ?? string.Empty;
        if (expression is null || string.IsNullOrWhiteSpace(expression))
        {
            return Fail(source, "the expression is empty; expected <metric> <operator> <value>, e.g. \"p95 < 150ms\".");
        }

        if (ProbeThresholdParser.IsProbe(expression))
        {
            return ProbeThresholdParser.Parse(source);
        }

        var cursor = new Cursor(expression);
        cursor.SkipWhiteSpace();

        var metricText = cursor.ReadWhile(static c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-');
        if (metricText.Length == 0)
        {
            return Fail(source, $"missing metric before \"{cursor.Rest}\"; expected {MetricList}.");
        }

        var (metric, metricError) = ParseMetric(metricText);
        if (metric is null)
        {
            return Fail(source, metricError!);
        }

        cursor.SkipWhiteSpace();
        var opText = cursor.ReadWhile(static c => c is '<' or '>' or '=' or '!');
        if (opText.Length == 0)
        {
            return cursor.AtEnd
                ? Fail(source, $"missing operator after \"{metricText}\"; expected {OperatorList}.")
                : Fail(source, $"missing operator before \"{cursor.Rest}\"; expected {OperatorList}.");
        }

        ComparisonOperator? op = opText switch
        {
            "<" => ComparisonOperator.LessThan,
            "<=" => ComparisonOperator.LessThanOrEqual,
            ">" => ComparisonOperator.GreaterThan,
            ">=" => ComparisonOperator.GreaterThanOrEqual,
            "==" => ComparisonOperator.Equal,
            _ => null,
        };
        if (op is null)
        {
            var hint = opText switch
            {
                "=<" => " (did you mean \"<=\"?)",
                "=>" => " (did you mean \">=\"?)",
                _ => string.Empty,
            };
            return Fail(source, $"unknown operator \"{opText}\"; expected {OperatorList}{hint}.");
        }

        cursor.SkipWhiteSpace();
        if (RelativeLimitParser.IsRelative(cursor.Rest))
        {
            return RelativeLimitParser.Parse(source, metric, op.Value, cursor.Rest);
        }

        var valueStart = cursor.Position;
        if (cursor.AtEnd)
        {
            return Fail(source, $"missing value after \"{opText}\"; expected {ValueExample(metric)}.");
        }

        if (cursor.Peek is '-' or '+')
        {
            var what = cursor.Peek == '-' ? "negative value" : "sign in value";
            return Fail(source, $"{what} \"{cursor.Rest}\"; expected a non-negative number without a sign, {ValueExample(metric)}.");
        }

        var number = cursor.ReadWhile(static c => char.IsAsciiDigit(c) || c == '.');
        if (number.Length == 0)
        {
            // "NaN", "Infinity", "∞": a value that is there but is no number a measurement can be compared with.
            return cursor.Rest.StartsWith("nan", StringComparison.OrdinalIgnoreCase) || cursor.Rest.StartsWith("inf", StringComparison.OrdinalIgnoreCase) || cursor.Peek == '∞'
                ? Fail(source, $"\"{cursor.Rest}\" is not a number; expected a finite number, {ValueExample(metric)}.")
                : Fail(source, $"missing value before \"{cursor.Rest}\"; expected {ValueExample(metric)}.");
        }

        if (!IsPlainNumber(number))
        {
            return Fail(source, $"malformed number \"{number}\"; expected digits with an optional fraction such as \"1.5\".");
        }

        if (cursor.Peek is 'e' or 'E' && cursor.PeekAt(1) is '+' or '-' or (>= '0' and <= '9'))
        {
            var exponent = number + cursor.ReadWhile(static c => char.IsAsciiDigit(c) || c is 'e' or 'E' or '+' or '-');
            return Fail(source, $"exponent in \"{exponent}\"; expected a plain decimal number such as \"1000\".");
        }

        var value = double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return Fail(source, $"value \"{number}\" is too large; expected {ValueExample(metric)}.");
        }

        cursor.SkipWhiteSpace();
        var unit = cursor.ReadUnit();
        var valueText = cursor.Text[valueStart..cursor.Position];
        cursor.SkipWhiteSpace();
        if (!cursor.AtEnd)
        {
            return Fail(source, $"unexpected \"{cursor.Rest}\" after \"{valueText}\"; expected nothing after the value.");
        }

        var (limit, valueError) = ToLimit(metric, op.Value, number, value, unit);
        return valueError is null
            ? ParseResult<Threshold>.Success(new Threshold(source, metric, op.Value, limit))
            : Fail(source, valueError);
    }

    private static (ThresholdMetric? Metric, string? Error) ParseMetric(string text)
    {
        var name = text.ToLowerInvariant();
        switch (name)
        {
            case "min": return (new ThresholdMetric(MetricKind.Min), null);
            case "mean": return (new ThresholdMetric(MetricKind.Mean), null);
            case "max": return (new ThresholdMetric(MetricKind.Max), null);
            case "error_rate": return (new ThresholdMetric(MetricKind.ErrorRate), null);
            case "rps": return (new ThresholdMetric(MetricKind.Rps), null);
            case "count": return (new ThresholdMetric(MetricKind.Count), null);
            case "dropped": return (new ThresholdMetric(MetricKind.Dropped), null);
            case "dropped_rate": return (new ThresholdMetric(MetricKind.DroppedRate), null);
            case "checks": return (new ThresholdMetric(MetricKind.Checks), null);
        }

        var unknown = $"unknown metric \"{text}\"; expected {MetricList}.";
        if (name.Length < 2 || name[0] != 'p' || !name.Skip(1).All(c => char.IsAsciiDigit(c) || c == '.') || !IsPlainNumber(name[1..]))
        {
            return (null, unknown);
        }

        var percentile = double.Parse(name.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return percentile is > 0 and <= 100
            ? (new ThresholdMetric(MetricKind.Percentile, percentile), null)
            : (null, $"percentile \"{text}\" is out of range; expected a value above 0 and at most 100, such as p95 or p99.9.");
    }

    /// <summary>Converts the written value to the metric's canonical unit, or explains why it does not fit.</summary>
    private static (double Limit, string? Error) ToLimit(
        ThresholdMetric metric, ComparisonOperator op, string number, double value, string? unit)
    {
        var lowerUnit = unit?.ToLowerInvariant();
        var notApplicable = $"unit \"{unit}\" does not apply to {metric.Name}; expected {ValueExample(metric)}.";
        switch (metric.Kind)
        {
            case MetricKind.ErrorRate or MetricKind.DroppedRate or MetricKind.Checks when lowerUnit == "%":
                return value <= 100
                    ? (value / 100, null)
                    : (0, $"{metric.Name} \"{number}%\" is out of range; expected 0% to 100%.");
            case MetricKind.ErrorRate or MetricKind.DroppedRate or MetricKind.Checks when lowerUnit is null:
                return value <= 1
                    ? (value, null)
                    : (0, $"{metric.Name} \"{number}\" is out of range; expected a fraction from 0 to 1 (e.g. \"0.01\") or a percentage (e.g. \"1%\").");
            case MetricKind.Rps when lowerUnit is null or "/s":
                return (value, null);
            case MetricKind.Count or MetricKind.Dropped when lowerUnit is null:
                return value == Math.Floor(value)
                    ? (value, null)
                    : (0, $"{metric.Name} needs a whole number, not \"{number}\"; expected {ValueExample(metric)}.");
            case MetricKind.ErrorRate or MetricKind.Rps or MetricKind.Count or MetricKind.Dropped or MetricKind.DroppedRate or MetricKind.Checks:
                return (0, notApplicable);
        }

        // Latency: milliseconds are canonical. Division keeps 150us at exactly the double nearest 0.15.
        return lowerUnit switch
        {
            null => (0, $"the value \"{number}\" needs a time unit (us, ms or s); expected e.g. \"{metric.Name} {op.Symbol()} {number}ms\"."),
            "us" or "\u00b5s" or "\u03bcs" => (value / 1000, null),
            "ms" => (value, null),
            "s" => (value * 1000, null),
            _ when unit![0] is '%' or '/' => (0, notApplicable),
            _ => (0, $"unknown unit \"{unit}\"; expected us, ms or s."),
        };
    }

    private static string ValueExample(ThresholdMetric metric) => metric.Kind switch
    {
        MetricKind.ErrorRate or MetricKind.DroppedRate => "a percentage such as \"1%\" or a fraction such as \"0.01\"",
        MetricKind.Checks => "a percentage such as \"99%\" or a fraction such as \"0.99\"",
        MetricKind.Rps => "a number of invocations per second, e.g. \"rps > 100\" or \"rps > 100/s\"",
        MetricKind.Count => "a whole number, e.g. \"count > 1000\"",
        MetricKind.Dropped => "a whole number, e.g. \"dropped == 0\"",
        _ => $"a number with a time unit (us, ms or s), e.g. \"{metric.Name} < 150ms\"",
    };

    /// <summary>Digits with an optional fraction: <c>1</c>, <c>1.5</c>; not <c>.5</c>, <c>1.</c>, <c>1..5</c>.</summary>
    private static bool IsPlainNumber(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || (dot > 0 && dot < number.Length - 1 && number.IndexOf('.', dot + 1) < 0);
    }

    internal static ParseResult<Threshold> Fail(string source, string message) =>
        ParseResult<Threshold>.Failure($"Threshold \"{source}\": {message}");

    /// <summary>A position in the expression; the tokens are simple enough that reading them in place beats a
    /// separate token list.</summary>
    private sealed class Cursor(string text)
    {
        public string Text { get; } = text;

        public int Position { get; private set; }

        public bool AtEnd => Position >= Text.Length;

        public char Peek => PeekAt(0);

        /// <summary>The unread text without trailing whitespace, for quoting in messages.</summary>
        public string Rest => Text[Position..].TrimEnd();

        public char PeekAt(int offset) => Position + offset < Text.Length ? Text[Position + offset] : '\0';

        public void SkipWhiteSpace() => ReadWhile(char.IsWhiteSpace);

        public string ReadWhile(Func<char, bool> predicate)
        {
            var start = Position;
            while (!AtEnd && predicate(Text[Position]))
            {
                Position++;
            }

            return Text[start..Position];
        }

        /// <summary>Reads <c>%</c>, <c>/</c> followed by letters (<c>/s</c>), or a run of letters; null if none.</summary>
        public string? ReadUnit()
        {
            if (Peek == '%')
            {
                Position++;
                return "%";
            }

            if (Peek == '/')
            {
                Position++;
                return "/" + ReadWhile(char.IsLetter);
            }

            var letters = ReadWhile(char.IsLetter);
            return letters.Length == 0 ? null : letters;
        }
    }
}

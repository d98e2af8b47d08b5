// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.RegularExpressions;

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>
/// Parses a probe threshold, <c>probe:&lt;name&gt; &lt;statistic&gt; &lt;op&gt; &lt;number&gt;</c>, e.g.
/// <c>probe:db_lock_waits max &lt; 5</c>: the statistic (min, max, mean or last) of the probe value's samples over the
/// measured window, compared with a plain number in the probe's own unit. Whether a probe reports that name is only
/// known after <c>[StressSetup]</c> registered the probes; the controller checks it there, before any load.
/// </summary>
internal static partial class ProbeThresholdParser
{
    private const string Prefix = "probe:";
    private const string Statistics = "min, max, mean or last";

    public static bool IsProbe(string expression) => expression.AsSpan().TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static ParseResult<Threshold> Parse(string source)
    {
        var match = Grammar().Match(source);
        if (!match.Success)
        {
            return Explain(source);
        }

        var name = match.Groups["name"].Value;
        if (!Enum.TryParse<ProbeStatistic>(match.Groups["stat"].Value, ignoreCase: true, out var statistic) || char.IsDigit(match.Groups["stat"].Value[0]))
        {
            return ThresholdParser.Fail(source, $"unknown statistic \"{match.Groups["stat"].Value}\" of probe \"{name}\"; expected {Statistics}, e.g. \"probe:{name} max < 5\".");
        }

        var op = match.Groups["op"].Value switch
        {
            "<" => ComparisonOperator.LessThan,
            "<=" => ComparisonOperator.LessThanOrEqual,
            ">" => ComparisonOperator.GreaterThan,
            ">=" => ComparisonOperator.GreaterThanOrEqual,
            _ => ComparisonOperator.Equal,
        };
        var value = double.Parse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var metric = new ThresholdMetric(MetricKind.Probe) { Probe = name, Statistic = statistic };
        return ParseResult<Threshold>.Success(new Threshold(source, metric, op, value));
    }

    /// <summary>Names the first part that does not fit the grammar.</summary>
    private static ParseResult<Threshold> Explain(string source)
    {
        var rest = source.Trim()[Prefix.Length..];
        var name = NamePart().Match(rest).Value;
        if (name.Length == 0)
        {
            return ThresholdParser.Fail(source, $"missing probe name after \"probe:\"; expected e.g. \"probe:db_lock_waits max < 5\".");
        }

        var afterName = rest[name.Length..].TrimStart();
        if (afterName.Length == 0 || afterName[0] is '<' or '>' or '=')
        {
            return ThresholdParser.Fail(source, $"missing statistic after \"probe:{name}\"; expected {Statistics}, e.g. \"probe:{name} max < 5\".");
        }

        if (afterName.Contains("baseline", StringComparison.OrdinalIgnoreCase))
        {
            return ThresholdParser.Fail(source, "a probe threshold cannot compare with a baseline (baselines keep the invocations' series); use a number.");
        }

        return ThresholdParser.Fail(source, $"expected \"probe:{name} <statistic> <operator> <number>\" with a statistic of {Statistics}, an operator of <, <=, >, >= or ==, and a plain number without unit, e.g. \"probe:{name} max < 5\".");
    }

    private const string GrammarPattern = @"^\s*probe:(?<name>[A-Za-z0-9_.\-]+)\s+(?<stat>[A-Za-z0-9]+)\s*(?<op><=|>=|==|<|>)\s*(?<value>[0-9]+(\.[0-9]+)?)\s*$";
    private const string NamePattern = @"^[A-Za-z0-9_.\-]+";
    private const int MatchTimeoutMilliseconds = 100;

#if NET
    [GeneratedRegex(GrammarPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex Grammar();

    [GeneratedRegex(NamePattern, RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex NamePart();
#else
    // netstandard2.0 (the analyzer) has no regex source generator; the same patterns, interpreted.
    private static readonly Regex GrammarRegex = new(GrammarPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds));
    private static readonly Regex NameRegex = new(NamePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds));

    private static Regex Grammar() => GrammarRegex;

    private static Regex NamePart() => NameRegex;
#endif
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Load;

namespace StressTest.Plan.Rules;

/// <summary>
/// Parses the ramping profile users write in attributes: comma-separated <c>&lt;duration&gt;:&lt;target&gt;</c>
/// stages such as <c>"30s:100, 1m:100, 10s:0"</c>, with whitespace allowed around every token. Durations use
/// <see cref="DurationParser"/>'s grammar and must be greater than zero; targets are plain non-negative decimal
/// numbers (no sign, no exponent).
/// </summary>
/// <remarks>
/// The grammar is strict for the same reason as <see cref="DurationParser"/>'s: a stray comma or a typo in one of
/// many stages must fail the test with a message that quotes the whole text and points at the stage, rather than
/// run a profile the user did not write. The limits (24 hours in total, 1000 stages) keep a run bounded and the
/// scheduler's per-stage tables small. Messages name the input but not the attribute; the caller prefixes that.
/// </remarks>
internal static class StagesParser
{
    /// <summary>The most stages one profile may have.</summary>
    public const int MaxStages = 1000;

    /// <summary>The longest a whole profile may last.</summary>
    public static readonly TimeSpan MaxTotalDuration = TimeSpan.FromHours(24);

    private const string Example = "e.g. \"30s:100, 1m:100, 10s:0\"";
    private const string ExpectedList = "expected comma-separated <duration>:<target> stages, " + Example;
    private const string ExpectedStage = "expected <duration>:<target>, " + Example;
    private const string ExpectedTarget = "expected a non-negative decimal number such as \"100\" or \"2.5\"";

    /// <summary>Parses <paramref name="text"/>; never throws on bad input.</summary>
    public static ParseResult<IReadOnlyList<Stage>> Parse(string? text)
    {
        if (text is null)
        {
            return Fail("null is not a list of stages; " + ExpectedList);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail($"\"{text}\" is empty; {ExpectedList}");
        }

        // Counted before any stage is parsed so that absurd input is rejected without parsing thousands of stages.
        var parts = text.Split(',');
        if (parts.Length > MaxStages)
        {
            return Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"\"{text}\" has {parts.Length} stages; expected at most {MaxStages}"));
        }

        var stages = new Stage[parts.Length];
        var total = TimeSpan.Zero;
        for (var index = 0; index < parts.Length; index++)
        {
            var result = ParseStage(text, parts[index], index, parts.Length);
            if (!result.IsSuccess)
            {
                return Fail(result.Error);
            }

            stages[index] = result.Value;
            total += result.Value.Duration;
        }

        if (total > MaxTotalDuration)
        {
            return Fail(
                $"\"{text}\" lasts {DurationParser.Format(total)} in total; expected at most " +
                $"{DurationParser.Format(MaxTotalDuration)} across all stages");
        }

        return ParseResult<IReadOnlyList<Stage>>.Success(stages);
    }

    private static ParseResult<Stage> ParseStage(string text, string part, int index, int count)
    {
        var stage = part.Trim();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"\"{text}\": stage {index + 1}");
        if (stage.Length == 0)
        {
            var where = index == 0 ? "nothing before the first comma"
                : index == count - 1 ? "nothing after the last comma"
                : "nothing between two commas";
            return StageFail($"{prefix} is empty ({where}); {ExpectedStage}");
        }

        prefix += $" \"{stage}\"";
        var colon = stage.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return StageFail($"{prefix} has no ':' between duration and target; {ExpectedStage}");
        }

        if (stage.IndexOf(':', colon + 1) >= 0)
        {
            return StageFail($"{prefix} has more than one ':'; {ExpectedStage}");
        }

        var durationText = stage[..colon].Trim();
        var targetText = stage[(colon + 1)..].Trim();
        if (durationText.Length == 0)
        {
            return StageFail($"{prefix} has no duration before ':'; {ExpectedStage}");
        }

        if (targetText.Length == 0)
        {
            return StageFail($"{prefix} has no target after ':'; {ExpectedStage}");
        }

        var duration = DurationParser.Parse(durationText);
        if (!duration.IsSuccess)
        {
            return StageFail($"{prefix} has an invalid duration: {duration.Error}");
        }

        if (duration.Value <= TimeSpan.Zero)
        {
            return StageFail(
                $"{prefix} has a zero duration \"{durationText}\"; expected a duration greater than zero such as \"30s\"");
        }

        var target = ParseTarget(prefix, targetText);
        return target.IsSuccess
            ? ParseResult<Stage>.Success(new Stage(duration.Value, target.Value))
            : StageFail(target.Error);
    }

    private static ParseResult<double> ParseTarget(string prefix, string target)
    {
        if (target[0] == '-')
        {
            return ParseResult<double>.Failure($"{prefix} has a negative target \"{target}\"; {ExpectedTarget}");
        }

        if (target[0] == '+')
        {
            return ParseResult<double>.Failure(
                $"{prefix} has a signed target \"{target}\"; expected a number without a sign such as \"100\" or \"2.5\"");
        }

        if (!target.All(static c => char.IsAsciiDigit(c) || c == '.'))
        {
            // "1e3" is a number to double.Parse but not to the grammar: say so rather than "not a number".
            return target.Contains('e', StringComparison.OrdinalIgnoreCase)
                && double.TryParse(target, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? ParseResult<double>.Failure(
                    $"{prefix} has an exponent in the target \"{target}\"; expected a plain decimal number such as \"1000\"")
                : ParseResult<double>.Failure($"{prefix} has a target \"{target}\" that is not a number; {ExpectedTarget}");
        }

        if (!IsPlainNumber(target))
        {
            return ParseResult<double>.Failure($"{prefix} has a malformed target \"{target}\"; {ExpectedTarget}");
        }

        var value = double.Parse(target, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return ParseResult<double>.Failure(
                $"{prefix} has a target \"{target}\" that is too large; {ExpectedTarget}");
        }

        return ParseResult<double>.Success(value);
    }

    /// <summary>Digits with an optional fraction: <c>1</c>, <c>1.5</c>, <c>0.25</c>; not <c>.5</c>, <c>1.</c>,
    /// <c>1..5</c>. The caller has checked that only digits and dots occur.</summary>
    private static bool IsPlainNumber(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || (dot > 0 && dot < number.Length - 1 && number.IndexOf('.', dot + 1) < 0);
    }

    private static ParseResult<Stage> StageFail(string message) => ParseResult<Stage>.Failure(message);

    private static ParseResult<IReadOnlyList<Stage>> Fail(string message) =>
        ParseResult<IReadOnlyList<Stage>>.Failure(message);
}

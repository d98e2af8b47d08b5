// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;

namespace StressTest.Plan.Rules;

/// <summary>
/// Parses and formats the durations users write in attributes: a number and a unit (<c>us</c>/<c>µs</c>, <c>ms</c>,
/// <c>s</c>, <c>m</c>, <c>h</c>), decimals allowed (<c>1.5m</c>), compound forms in descending unit order
/// (<c>1m30s</c>, <c>1h 30m</c>, <c>2s500ms</c>), units case-insensitive, whitespace between parts tolerated.
/// </summary>
/// <remarks>
/// The grammar is strict on purpose: a typo such as <c>10d</c> or <c>1s1m</c> must fail the test with a message that
/// quotes it rather than run for a surprising time. Messages name the input but not the attribute; the caller
/// prefixes that (<c>StressTest.Duration = </c>).
/// </remarks>
internal static class DurationParser
{
    private const string Expected = "expected a number followed by us, ms, s, m or h (e.g. \"30s\", \"500ms\", \"1.5m\")";
    private const string OrderHint = "descending order (h, m, s, ms, us), e.g. \"1h30m\" or \"2s500ms\"";

    // More integer digits than this exceed 30 days in any unit; checking first keeps decimal arithmetic from
    // overflowing on absurd input.
    private const int MaxIntegerDigits = 15;

    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    /// <summary>Parses <paramref name="text"/>; never throws on bad input.</summary>
    public static ParseResult<TimeSpan> Parse(string? text) => Parse(text, MaxDuration);

    /// <summary>Parses <paramref name="text"/>, a duration of at most <paramref name="max"/> (at most 30 days): a value
    /// too long is told the caller's own limit, so "48h" and "1000000h" get the same message.</summary>
    public static ParseResult<TimeSpan> Parse(string? text, TimeSpan max)
    {
        max = max < MaxDuration ? max : MaxDuration;
        if (text is null)
        {
            return Fail("null is not a duration; " + Expected);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail($"\"{text}\" is empty; {Expected}");
        }

        var totalTicks = 0m;
        var previousRank = int.MaxValue;
        string? previousUnit = null;
        var i = SkipWhiteSpace(text, 0);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '-')
            {
                return Fail($"\"{text}\" is negative; expected a non-negative number followed by us, ms, s, m or h (e.g. \"30s\", \"500ms\", \"1.5m\")");
            }

            if (IsUnitChar(c))
            {
                var word = ReadWhile(text, i, IsUnitChar);
                return Fail($"\"{text}\" has no number before \"{word}\"; {Expected}");
            }

            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return Fail($"\"{text}\" has unexpected text \"{text[i..].TrimEnd()}\"; {Expected}");
            }

            var number = ReadWhile(text, i, static ch => char.IsAsciiDigit(ch) || ch == '.');
            if (!IsPlainNumber(number))
            {
                return Fail($"\"{text}\" has a malformed number \"{number}\"; expected digits with an optional fraction such as \"1.5s\" or \"0.5s\"");
            }

            i += number.Length;
            if (i + 1 < text.Length && text[i] is 'e' or 'E' && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '+' or '-'))
            {
                var exponent = number + ReadWhile(text, i, static ch => char.IsAsciiDigit(ch) || ch is 'e' or 'E' or '+' or '-');
                return Fail($"\"{text}\" uses an exponent in \"{exponent}\"; expected a plain decimal number such as \"1000ms\"");
            }

            i = SkipWhiteSpace(text, i);
            if (i >= text.Length || char.IsAsciiDigit(text[i]))
            {
                return Fail($"\"{text}\" has no unit after \"{number}\"; {Expected}");
            }

            if (!IsUnitChar(text[i]))
            {
                return Fail($"\"{text}\" has unexpected text \"{text[i..].TrimEnd()}\" after \"{number}\"; {Expected}");
            }

            var unit = ReadWhile(text, i, IsUnitChar);
            i += unit.Length;
            var (rank, ticksPerUnit) = Unit(unit);
            if (rank == 0)
            {
                return Fail($"\"{text}\" has an unknown unit \"{unit}\"; {Expected}");
            }

            if (rank == previousRank)
            {
                return Fail($"\"{text}\" repeats the unit \"{unit}\"; expected each unit at most once, in {OrderHint}");
            }

            if (rank > previousRank)
            {
                return Fail($"\"{text}\" has \"{unit}\" after \"{previousUnit}\"; expected units in {OrderHint}");
            }

            if (SignificantIntegerDigits(number) > MaxIntegerDigits)
            {
                return TooLong(text, max);
            }

            totalTicks += decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * ticksPerUnit;
            if (totalTicks > max.Ticks)
            {
                return TooLong(text, max);
            }

            previousRank = rank;
            previousUnit = unit;
            i = SkipWhiteSpace(text, i);
        }

        // TimeSpan holds 100 ns ticks; anything finer (e.g. "0.25us" = 2.5 ticks) is rounded.
        var ticks = (long)decimal.Round(totalTicks, MidpointRounding.AwayFromZero);
        return ParseResult<TimeSpan>.Success(TimeSpan.FromTicks(ticks));
    }

    /// <summary>
    /// Renders <paramref name="value"/> compactly for messages and reports, in a form <see cref="Parse(string?)"/> reads back:
    /// 1.5 s → <c>1.5s</c>, 90 s → <c>1m30s</c>, 0.25 ms → <c>250us</c>, zero → <c>0s</c>.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
            ticks = -ticks;
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var rest = ticks % TimeSpan.TicksPerMinute;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (rest >= TimeSpan.TicksPerSecond)
        {
            AppendScaled(builder, rest, TimeSpan.TicksPerSecond, "s");
        }
        else if (rest >= TimeSpan.TicksPerMillisecond)
        {
            AppendScaled(builder, rest, TimeSpan.TicksPerMillisecond, "ms");
        }
        else if (rest > 0)
        {
            AppendScaled(builder, rest, TimeSpan.TicksPerMicrosecond, "us");
        }

        return builder.ToString();
    }

    private static void AppendScaled(StringBuilder builder, long ticks, long ticksPerUnit, string unit)
    {
        var scaled = (decimal)ticks / ticksPerUnit;
        builder.Append(scaled.ToString("0.#######", CultureInfo.InvariantCulture)).Append(unit);
    }

    /// <summary>The unit's rank (h = 5 … us = 1, 0 when unknown) and its length in ticks.</summary>
    private static (int Rank, long TicksPerUnit) Unit(string unit) => unit.ToLowerInvariant() switch
    {
        "h" => (5, TimeSpan.TicksPerHour),
        "m" => (4, TimeSpan.TicksPerMinute),
        "s" => (3, TimeSpan.TicksPerSecond),
        "ms" => (2, TimeSpan.TicksPerMillisecond),
        // U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU look the same; users type either.
        "us" or "\u00b5s" or "\u03bcs" => (1, TimeSpan.TicksPerMicrosecond),
        _ => (0, 0),
    };

    /// <summary>Digits with an optional fraction: <c>1</c>, <c>1.5</c>, <c>0.25</c>; not <c>.5</c>, <c>1.</c>,
    /// <c>1..5</c>.</summary>
    private static bool IsPlainNumber(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return true;
        }

        return dot > 0 && dot < number.Length - 1 && number.IndexOf('.', dot + 1) < 0;
    }

    private static int SignificantIntegerDigits(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? number : number[..dot];
        return integer.TrimStart('0').Length;
    }

    private static bool IsUnitChar(char c) => char.IsLetter(c);

    private static string ReadWhile(string text, int start, Func<char, bool> predicate)
    {
        var end = start;
        while (end < text.Length && predicate(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>The message for a duration above <paramref name="max"/>: <c>"48h" is too long; expected at most "24h"</c>.</summary>
    public static string TooLongMessage(string text, TimeSpan max) =>
        $"\"{text}\" is too long; expected at most \"{Format(max)}\"";

    private static ParseResult<TimeSpan> TooLong(string text, TimeSpan max) => Fail(TooLongMessage(text, max));

    private static ParseResult<TimeSpan> Fail(string message) => ParseResult<TimeSpan>.Failure(message);
}

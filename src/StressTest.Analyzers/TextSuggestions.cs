// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>
/// Corrections for a mistyped duration, stages or threshold text, offered as code fixes: an unknown unit replaced by
/// the unit it most likely means (<c>"150 parsecs"</c> → <c>"150s"</c>, <c>"2 mins"</c> → <c>"2m"</c>, <c>"10d"</c> →
/// <c>"240h"</c>), a missing unit added (<c>"p95 &lt; 150"</c> → <c>"p95 &lt; 150ms"</c>). A candidate is offered
/// only when the shared rules accept it, so a fix never trades one error for another.
/// </summary>
internal static class TextSuggestions
{
    /// <summary>At most this many fixes for one diagnostic: a light bulb, not a menu.</summary>
    public const int Max = 3;

    /// <summary>What users write for each unit the grammars know, longest first within a unit.</summary>
    private static readonly (string Unit, string[] Aliases)[] Units =
    [
        ("us", ["microseconds", "microsecond", "microsecs", "microsec", "micros", "micro", "usecs", "usec"]),
        ("ms", ["milliseconds", "millisecond", "millisecs", "millisec", "millis", "milli", "msecs", "msec"]),
        ("s", ["seconds", "second", "secs", "sec"]),
        ("m", ["minutes", "minute", "mins", "min"]),
        ("h", ["hours", "hour", "hrs", "hr"]),
        ("%", ["percent", "pct"]),
    ];

    private static readonly string[] Known = ["us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h"];

    private static readonly string[] Days = ["days", "day", "d"];

    /// <summary>Corrections of <paramref name="text"/> that <paramref name="isValid"/> accepts, best first.</summary>
    /// <param name="text">What the user wrote.</param>
    /// <param name="isValid">The shared rules' verdict on a candidate.</param>
    /// <param name="unitsForBareNumber">Units to try after a number that has none, most likely first.</param>
    public static IReadOnlyList<string> For(string text, Func<string, bool> isValid, IReadOnlyList<string> unitsForBareNumber)
    {
        var numbers = Numbers(text);
        var candidates = new List<string>();
        var replaced = text;
        foreach (var number in numbers.Where(n => n.UnitLength > 0).Reverse())
        {
            if (Replacement(text, number) is { } replacement)
            {
                replaced = replaced.Substring(0, number.Start) + replacement + replaced.Substring(number.UnitStart + number.UnitLength);
            }
        }

        candidates.Add(replaced);
        foreach (var number in numbers.Where(n => n.Bare))
        {
            candidates.AddRange(unitsForBareNumber.Select(unit => text.Insert(number.Start + number.Length, unit)));
        }

        return candidates
            .Where(c => !string.Equals(c, text, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(isValid)
            .Take(Max)
            .ToList();
    }

    /// <summary>The number and the unit it most likely means (<c>150s</c> for <c>150 parsecs</c>); null when the unit is
    /// already known or nothing is close enough.</summary>
    private static string? Replacement(string text, Number number)
    {
        var digits = text.Substring(number.Start, number.Length);
        var unit = text.Substring(number.UnitStart, number.UnitLength).ToLowerInvariant();
        if (Known.Contains(unit))
        {
            return null;
        }

        if (Days.Contains(unit) && decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days))
        {
            return (days * 24).ToString("0.#######", CultureInfo.InvariantCulture) + "h";
        }

        return Nearest(unit) is { } nearest ? digits + nearest : null;
    }

    /// <summary>The unit a word most likely means: one of its spellings, a word ending in one (<c>parsecs</c>), or one
    /// letter off one (<c>mss</c>, <c>sek</c>). Never for nanoseconds, which no grammar here can hold.</summary>
    internal static string? Nearest(string word)
    {
        if (word.StartsWith("nano", StringComparison.Ordinal) || word == "ns")
        {
            return null;
        }

        foreach (var (unit, aliases) in Units)
        {
            if (aliases.Contains(word))
            {
                return unit;
            }
        }

        var byEnding = Units.SelectMany(u => u.Aliases.Where(a => a.Length >= 3 && word.EndsWith(a, StringComparison.Ordinal)).Select(a => (u.Unit, a.Length)))
            .OrderByDescending(m => m.Length)
            .FirstOrDefault();
        if (byEnding.Unit is not null)
        {
            return byEnding.Unit;
        }

        var close = Units.Where(u => u.Unit != "%")
            .Where(u => u.Aliases.Append(u.Unit).Any(a => a.Length >= 2 && Spelling.Distance(word, a) <= 1))
            .Select(u => u.Unit)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return close.Count == 1 ? close[0] : null;
    }

    /// <summary>Every number that is not part of a name (<c>p95</c>'s 95 is), with the letters written right after it.</summary>
    private static List<Number> Numbers(string text)
    {
        var numbers = new List<Number>();
        var i = 0;
        var afterUnit = -1;
        while (i < text.Length)
        {
            // A number right after a letter is part of a name (p95), unless that letter ended the previous number's
            // unit (the 30 of 1min30secs).
            var partOfName = i > 0 && i != afterUnit && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '.');
            if (!char.IsDigit(text[i]) || partOfName)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (unitStart < text.Length && text[unitStart] == ' ')
            {
                unitStart++;
            }

            var unitEnd = unitStart;
            while (unitEnd < text.Length && char.IsLetter(text[unitEnd]))
            {
                unitEnd++;
            }

            var bare = unitEnd == unitStart && (unitStart >= text.Length || text[unitStart] is not ('%' or '/'));
            numbers.Add(new Number(start, i - start, unitStart, unitEnd - unitStart, bare));
            i = Math.Max(i, unitEnd);
            afterUnit = i;
        }

        return numbers;
    }

    /// <summary>A number at <see cref="Start"/> and the unit letters after it (none: <see cref="UnitLength"/> 0);
    /// <see cref="Bare"/> when nothing at all follows it that could be a unit (no letters, no % or /).</summary>
    private readonly record struct Number(int Start, int Length, int UnitStart, int UnitLength, bool Bare);
}

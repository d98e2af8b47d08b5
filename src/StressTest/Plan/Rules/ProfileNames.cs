// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules;

/// <summary>
/// Profile names, as <c>[StressTest(Profiles = "nightly, soak")]</c> lists them and the <c>Profile</c> setting
/// chooses one: letters, digits, '.', '-' and '_' (not starting with '.'), at most 64, case-insensitive. A profile
/// name is also a folder name (the baselines of a profile live in one).
/// </summary>
internal static class ProfileNames
{
    private const int MaxLength = 64;

    /// <summary>True when <paramref name="name"/> is a profile name.</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length is > 0 and <= MaxLength && name[0] != '.' && name.All(IsNameChar);
    }

    /// <summary>The profiles named by the attribute's Profiles, lower-cased; empty when it is not set.</summary>
    public static ParseResult<IReadOnlyList<string>> Parse(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!arguments.TryGetValue(ArgumentNames.Profiles, out var raw))
        {
            return ParseResult<IReadOnlyList<string>>.Success([]);
        }

        var text = raw as string ?? string.Empty;
        var names = text.Split([',', ';']).Select(n => n.Trim()).ToList();
        var bad = names.FirstOrDefault(n => !IsValid(n));
        if (bad is not null)
        {
            var what = bad.Length == 0 ? "an empty name" : $"\"{bad}\"";
            return ParseResult<IReadOnlyList<string>>.Failure(
                $"[StressTest(Profiles = \"{text}\")]: {what} is not a profile name; expected names of letters, digits, '.', '-' or '_' separated by commas, e.g. Profiles = \"nightly, soak\".");
        }

        return ParseResult<IReadOnlyList<string>>.Success([.. names.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)]);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}

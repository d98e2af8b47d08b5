// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules;
using StressTest.Plan.Settings;

namespace StressTest.Plan;

/// <summary>
/// <c>[StressTest(Profiles = "nightly, soak")]</c>: the profiles a test runs in. A test without Profiles runs in every
/// profile (and without one); a test with Profiles runs only when the run's <c>Profile</c> setting is one of them,
/// and is otherwise reported as skipped, saying why, so it stays visible in Test Explorer and the TRX.
/// </summary>
internal static class ProfileSelection
{
    /// <summary>The profiles named by the attribute, lower-cased; empty when it is not set.</summary>
    public static ParseResult<IReadOnlyList<string>> Parse(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!arguments.TryGetValue(nameof(StressTestAttribute.Profiles), out var raw))
        {
            return ParseResult<IReadOnlyList<string>>.Success([]);
        }

        var text = raw as string ?? string.Empty;
        var names = text.Split([',', ';'], StringSplitOptions.TrimEntries);
        var bad = names.FirstOrDefault(n => !GateSettingsParser.IsProfileName(n));
        if (bad is not null)
        {
            var what = bad.Length == 0 ? "an empty name" : $"\"{bad}\"";
            return ParseResult<IReadOnlyList<string>>.Failure(
                $"[StressTest(Profiles = \"{text}\")]: {what} is not a profile name; expected names of letters, digits, '.', '-' or '_' separated by commas, e.g. Profiles = \"nightly, soak\".");
        }

        return ParseResult<IReadOnlyList<string>>.Success([.. names.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Why the test does not run in this profile; null when it runs (or its Profiles are invalid, which the
    /// plan reports).</summary>
    public static string? SkipReason(IReadOnlyDictionary<string, object?> arguments, GateSettings gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var profiles = Parse(arguments);
        if (!profiles.IsSuccess || profiles.Value.Count == 0 || (gates.Profile is { } profile && profiles.Value.Contains(profile)))
        {
            return null;
        }

        var current = gates.Profile is null ? "this run has no profile" : $"this run's profile is {gates.Profile}";
        return $"Skipped: runs only in profile {string.Join(", ", profiles.Value)}; {current}. Choose one with --settings {profiles.Value[0]}.runsettings or -- StressTest.Profile={profiles.Value[0]}.";
    }
}

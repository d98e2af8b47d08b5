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
    /// <summary>Why the test does not run in this profile; null when it runs (or its Profiles are invalid, which the
    /// plan reports).</summary>
    public static string? SkipReason(IReadOnlyDictionary<string, object?> arguments, GateSettings gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var profiles = ProfileNames.Parse(arguments);
        if (!profiles.IsSuccess || profiles.Value.Count == 0 || (gates.Profile is { } profile && profiles.Value.Contains(profile)))
        {
            return null;
        }

        var current = gates.Profile is null ? "this run has no profile" : $"this run's profile is {gates.Profile}";
        return $"Skipped: runs only in profile {string.Join(", ", profiles.Value)}; {current}. Choose one with --settings {profiles.Value[0]}.runsettings or -- StressTest.Profile={profiles.Value[0]}.";
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Settings;

/// <summary>
/// Reads the profile and regression-gate keys of the <c>&lt;StressTest&gt;</c> settings (Profile, RateScale,
/// BaselineDirectory, UpdateBaselines, NoBaseline) for <see cref="StressSettingsParser"/>: each bad value is an
/// error naming the setting, the value and what was expected.
/// </summary>
internal static class GateSettingsParser
{
    public static readonly string[] Keys = ["Profile", "RateScale", "BaselineDirectory", "UpdateBaselines", "NoBaseline"];

    /// <summary>Applies one key to <paramref name="gates"/>; false when the key is not one of <see cref="Keys"/>.</summary>
    public static bool TryApply(string key, string value, ref GateSettings gates, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(errors);
        var prefix = $"Setting {StressSettingsParser.SectionName}.";
        switch (Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
        {
            case "Profile":
                if (value.Length == 0)
                {
                    gates = gates with { Profile = null };
                }
                else if (ProfileNames.IsValid(value))
                {
                    gates = gates with { Profile = value.ToLowerInvariant() };
                }
                else
                {
                    errors.Add($"{prefix}Profile = \"{value}\" is invalid; expected a name of letters, digits, '.', '-' or '_' (at most 64), such as smoke or nightly.");
                }

                return true;
            case "RateScale":
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && double.IsFinite(scale) && scale > 0 && scale <= 1000)
                {
                    gates = gates with { RateScale = scale };
                }
                else
                {
                    errors.Add($"{prefix}RateScale = \"{value}\" is invalid; expected a positive number such as 0.5 or 2 (at most 1000).");
                }

                return true;
            case "BaselineDirectory":
                if (value.Length == 0 || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                {
                    errors.Add($"{prefix}BaselineDirectory = \"{value}\" is invalid; expected a folder path (relative paths start at the test project's directory).");
                }
                else
                {
                    gates = gates with { BaselineDirectory = value };
                }

                return true;
            case "UpdateBaselines":
                if (bool.TryParse(value, out var update))
                {
                    gates = gates with { UpdateBaselines = update };
                }
                else
                {
                    errors.Add($"{prefix}UpdateBaselines = \"{value}\" is invalid; expected true or false.");
                }

                return true;
            case "NoBaseline":
                if (Enum.TryParse<NoBaselineOutcome>(value, ignoreCase: true, out var outcome) && Enum.IsDefined(outcome) && !char.IsDigit(value[0]))
                {
                    gates = gates with { NoBaseline = outcome };
                }
                else
                {
                    errors.Add($"{prefix}NoBaseline = \"{value}\" is invalid; expected warn (a relative threshold without a baseline passes with a warning) or fail.");
                }

                return true;
            default:
                return false;
        }
    }
}

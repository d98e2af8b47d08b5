// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Settings;

/// <summary>
/// Turns raw key/value settings (from runsettings XML or the command line) into <see cref="StressSettings"/>.
/// A bad value is an error naming the setting; an unknown key is a warning, because a typo must not pass silently
/// but must not stop the run either.
/// </summary>
internal static class StressSettingsParser
{
    public const string SectionName = "StressTest";

    private static readonly string[] Known = ["DurationScale", "ResultsDirectory", "ShutdownGrace", "Seed", "BaseUrl", "AllowedHosts", "ProgressInterval", "LifecycleTimeout"];

    public static SettingsParseResult Parse(IEnumerable<KeyValuePair<string, string>> values)
    {
        var settings = StressSettings.Default;
        var errors = new List<string>();
        var warnings = new List<string>();
        values = Distinct(values, errors, warnings);
        foreach (var (key, raw) in values)
        {
            var value = raw.Trim();
            // Keys are matched case-insensitively: runsettings authors write durationScale as often as DurationScale.
            switch (Known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
            {
                case "DurationScale":
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
                        && double.IsFinite(scale) && scale > 0 && scale <= 1000)
                    {
                        settings = settings with { DurationScale = scale };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.DurationScale = \"{value}\" is invalid; expected a positive number such as 0.1 or 2 (at most 1000).");
                    }

                    break;
                case "ResultsDirectory":
                    if (value.Length == 0 || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                    {
                        errors.Add($"Setting {SectionName}.ResultsDirectory = \"{value}\" is invalid; expected a folder path.");
                    }
                    else
                    {
                        settings = settings with { ResultsDirectory = value };
                    }

                    break;
                case "ShutdownGrace":
                    var grace = DurationParser.Parse(value);
                    if (grace.IsSuccess)
                    {
                        settings = settings with { ShutdownGrace = grace.Value };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.ShutdownGrace: {grace.Error}");
                    }

                    break;
                case "ProgressInterval":
                    var progress = DurationParser.Parse(value);
                    if (progress.IsSuccess)
                    {
                        settings = settings with { ProgressInterval = progress.Value };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.ProgressInterval: {progress.Error} Use 0 to turn progress lines off.");
                    }

                    break;
                case "LifecycleTimeout":
                    var lifecycle = DurationParser.Parse(value);
                    if (lifecycle.IsSuccess && lifecycle.Value > TimeSpan.Zero)
                    {
                        settings = settings with { LifecycleTimeout = lifecycle.Value };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.LifecycleTimeout: {(lifecycle.IsSuccess ? $"\"{value}\" must be greater than zero" : lifecycle.Error)}; e.g. \"2m\".");
                    }

                    break;
                case "Seed":
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
                    {
                        settings = settings with { Seed = seed };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.Seed = \"{value}\" is invalid; expected a whole number such as 42.");
                    }

                    break;
                case "BaseUrl":
                    if (HttpAddress.TryParse(value, out var baseUrl, out var problem))
                    {
                        settings = settings with { BaseUrl = baseUrl };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.BaseUrl = \"{value}\" is invalid: {problem}");
                    }

                    break;
                case "AllowedHosts":
                    var hosts = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var bad = hosts.FirstOrDefault(h => Uri.CheckHostName(h) == UriHostNameType.Unknown || h.Contains('*', StringComparison.Ordinal));
                    if (bad is null)
                    {
                        settings = settings with { AllowedHosts = hosts };
                    }
                    else
                    {
                        errors.Add($"Setting {SectionName}.AllowedHosts: \"{bad}\" is not a host name; expected host names or IP addresses separated by commas (no wildcards), e.g. \"api.test.internal, 10.0.0.5\".");
                    }

                    break;
                default:
                    var gates = settings.Gates;
                    if (GateSettingsParser.TryApply(key, value, ref gates, errors))
                    {
                        settings = settings with { Gates = gates };
                        break;
                    }

                    var observability = settings.Observability;
                    if (ObservabilitySettingsParser.TryApply(key, value, ref observability, errors))
                    {
                        settings = settings with { Observability = observability };
                        break;
                    }

                    warnings.Add($"Unknown setting {SectionName}.{key} is ignored; known settings: {string.Join(", ", Known.Concat(GateSettingsParser.Keys).Concat(ObservabilitySettingsParser.Keys))}.");
                    break;
            }
        }

        return new SettingsParseResult(settings, errors, warnings);
    }

    /// <summary>Each key once: a key given twice (a runsettings file may carry <c>DurationScale</c> and
    /// <c>durationScale</c>) must not silently take the last value. Different values are an error naming both; the same
    /// value twice is a warning.</summary>
    private static List<KeyValuePair<string, string>> Distinct(IEnumerable<KeyValuePair<string, string>> values, List<string> errors, List<string> warnings)
    {
        var distinct = new List<KeyValuePair<string, string>>();
        foreach (var group in values.GroupBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
        {
            var given = group.ToList();
            var texts = given.Select(v => v.Value.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (given.Count > 1)
            {
                var list = string.Join(", ", given.Select(v => $"{v.Key} = \"{v.Value.Trim()}\""));
                if (texts.Count > 1)
                {
                    errors.Add($"Setting {SectionName}.{group.Key} is given {given.Count} times with different values ({list}); give it once.");
                    continue;
                }

                warnings.Add($"Setting {SectionName}.{group.Key} is given {given.Count} times ({list}); give it once.");
            }

            distinct.Add(given[^1]);
        }

        return distinct;
    }
}

/// <summary>Settings plus what was wrong with the input.</summary>
internal sealed record SettingsParseResult(StressSettings Settings, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

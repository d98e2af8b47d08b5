// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Plan.Settings;

/// <summary>
/// Reads the telemetry keys of the <c>&lt;StressTest&gt;</c> settings (TraceSampleRate, OtlpEndpoint, OtlpProtocol,
/// TargetProcessId, TargetProcessName) for <see cref="StressSettingsParser"/>: each bad value is an error naming the
/// setting, the value and what was expected.
/// </summary>
internal static class ObservabilitySettingsParser
{
    public static readonly string[] Keys = ["TraceSampleRate", "OtlpEndpoint", "OtlpProtocol", "TargetProcessId", "TargetProcessName"];

    /// <summary>Applies one key to <paramref name="settings"/>; false when the key is not one of <see cref="Keys"/>.</summary>
    public static bool TryApply(string key, string value, ref ObservabilitySettings settings, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        var prefix = $"Setting {StressSettingsParser.SectionName}.";
        switch (Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
        {
            case "TraceSampleRate":
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1)
                {
                    settings = settings with { TraceSampleRate = rate };
                }
                else
                {
                    errors.Add($"{prefix}TraceSampleRate = \"{value}\" is invalid; expected a share from 0 to 1, such as 0.01 (1 % of invocations traced), 1 (all) or 0 (none).");
                }

                return true;
            case "OtlpEndpoint":
                if (value.Length == 0)
                {
                    settings = settings with { OtlpEndpoint = null };
                }
                else if (HttpAddress.TryParse(value, out var endpoint, out var problem))
                {
                    settings = settings with { OtlpEndpoint = endpoint };
                }
                else
                {
                    errors.Add($"{prefix}OtlpEndpoint = \"{value}\" is invalid: {problem} For example http://127.0.0.1:4317 (gRPC) or http://127.0.0.1:4318 with OtlpProtocol http/protobuf.");
                }

                return true;
            case "OtlpProtocol":
                if (value is "grpc" or "http/protobuf")
                {
                    settings = settings with { OtlpProtocol = value };
                }
                else
                {
                    errors.Add($"{prefix}OtlpProtocol = \"{value}\" is invalid; expected grpc or http/protobuf.");
                }

                return true;
            case "TargetProcessId":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
                {
                    settings = settings with { TargetProcessId = pid };
                }
                else
                {
                    errors.Add($"{prefix}TargetProcessId = \"{value}\" is invalid; expected a process id, a positive whole number.");
                }

                return true;
            case "TargetProcessName":
                if (value.Length > 0 && value.IndexOfAny(['/', '\\']) < 0)
                {
                    settings = settings with { TargetProcessName = value };
                }
                else
                {
                    errors.Add($"{prefix}TargetProcessName = \"{value}\" is invalid; expected a process name without a path, such as SampleApi.");
                }

                return true;
            default:
                return false;
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Plan.Rules;

namespace StressTest.Mocks.Simulation;

/// <summary>The argument checks every factory shares; each failure names the field as the JSON profile spells it.</summary>
internal static class Check
{
    /// <summary>Longest latency a model may produce or be given: anything longer is a hang, which the timeout failure
    /// models honestly.</summary>
    public static readonly TimeSpan MaxLatency = TimeSpan.FromHours(1);

    public static TimeSpan Duration(TimeSpan value, string field)
    {
        if (value < TimeSpan.Zero)
        {
            throw new MockDefinitionException(field, $"{Text(value)} is negative; expected a duration of 0 or more");
        }

        if (value > MaxLatency)
        {
            throw new MockDefinitionException(field, $"{Text(value)} is longer than {Text(MaxLatency)}; model a dependency that never answers with a timeout failure instead");
        }

        return value;
    }

    public static double Probability(double value, string field = "probability")
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new MockDefinitionException(field, $"{Number(value)} is not a probability; expected a number from 0 to 1 (0.02 is 2 %)");
        }

        return value;
    }

    public static double Positive(double value, string field, string unit)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new MockDefinitionException(field, $"{Number(value)} is not a positive number of {unit}");
        }

        return value;
    }

    public static int StatusCode(int value, string field = "status")
    {
        if (value is < 100 or > 599)
        {
            throw new MockDefinitionException(field, $"{value.ToString(CultureInfo.InvariantCulture)} is not an HTTP status code; expected 100 to 599");
        }

        return value;
    }

    public static string Name(string? value, string field, int maxLength = 100)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MockDefinitionException(field, "is empty; expected a short name");
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            throw new MockDefinitionException(field, $"\"{Shorten(value)}\" is not a short one-line name; expected at most {maxLength} printable characters");
        }

        return value;
    }

    /// <summary>A duration as the profile writes it: <c>40ms</c>, <c>1.5s</c>.</summary>
    public static string Text(TimeSpan value) => DurationParser.Format(value);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Untrusted text quoted in a message: one line, at most 60 characters.</summary>
    public static string Shorten(string value)
    {
        var line = string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 59), "…");
    }
}

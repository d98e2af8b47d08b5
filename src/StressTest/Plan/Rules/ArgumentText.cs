// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Plan.Rules;

/// <summary>Named arguments shown as the user wrote them, for messages: <c>[StressTest(Rate = 100, Model =
/// LoadModel.Open)]: </c>.</summary>
internal static class ArgumentText
{
    /// <summary><c>[StressTest(P1 = v1, P2 = v2)]: </c> for the given properties, with their values as set.</summary>
    public static string Prefix(IReadOnlyDictionary<string, object?> arguments, IEnumerable<string> properties) =>
        "[StressTest(" + string.Join(", ", properties.Select(p => $"{p} = {Format(p, arguments.TryGetValue(p, out var value) ? value : null)}")) + ")]: ";

    /// <summary>The member of an enum whose names by value are <paramref name="names"/>, when <paramref name="raw"/>
    /// (attribute data: the enum's number) is one of them; null otherwise.</summary>
    public static int? Member(IReadOnlyList<string> names, object? raw) =>
        raw is int value && value >= 0 && value < names.Count ? value : null;

    /// <summary>Enum properties arrive from attribute data as their numbers; shown as the user wrote them.</summary>
    public static string Format(string property, object? value) => property switch
    {
        ArgumentNames.Arrivals when Member(ArgumentNames.ArrivalPatterns, value) is { } member => "Arrivals." + ArgumentNames.ArrivalPatterns[member],
        ArgumentNames.Model when Member(ArgumentNames.LoadModels, value) is { } member => "LoadModel." + ArgumentNames.LoadModels[member],
        _ => Format(value),
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Reflection;

namespace StressTest.Data.Sources;

/// <summary>Converts a field's text to a value of one type (boxed), or throws FormatException or OverflowException.</summary>
internal delegate object? SpanParser(ReadOnlySpan<char> text);

/// <summary>
/// The text conversions of data files, with the invariant culture (a file means the same on every machine): strings,
/// enums by name (case-insensitive) or number, nullable types (an empty field is null) and every
/// <see cref="ISpanParsable{TSelf}"/> type: the numbers, <c>bool</c>, <c>char</c>, <c>Guid</c>, dates and times.
/// </summary>
internal static class SpanParsers
{
    private static readonly MethodInfo ParsableMethod = typeof(SpanParsers).GetMethod(nameof(ParseParsable), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The parser of <paramref name="type"/>; null when its values cannot be read from text.</summary>
    public static SpanParser? For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string) || type == typeof(object))
        {
            return static text => text.ToString();
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var inner = For(underlying);
            return inner is null ? null : text => text.IsEmpty ? null : inner(text);
        }

        if (type.IsEnum)
        {
            return text => Enum.Parse(type, text, ignoreCase: true);
        }

        var parsable = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpanParsable<>) && i.GetGenericArguments()[0] == type);
        return parsable ? ParsableMethod.MakeGenericMethod(type).CreateDelegate<SpanParser>() : null;
    }

    private static object? ParseParsable<TValue>(ReadOnlySpan<char> text)
        where TValue : ISpanParsable<TValue> => TValue.Parse(text, CultureInfo.InvariantCulture);
}

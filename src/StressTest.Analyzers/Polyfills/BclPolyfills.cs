// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace StressTest.Analyzers.Polyfills;

/// <summary>
/// The few .NET APIs the shared Plan/Rules sources use that netstandard2.0 lacks, as C# 14 extension members, so
/// those sources compile unchanged for the analyzer (no <c>#if</c> in them) and read as ordinary .NET 10 code in the
/// engine. Compiled into the analyzer only; each member does what its .NET namesake does for the inputs the rules
/// give it.
/// </summary>
internal static class BclPolyfills
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(char)
    {
        public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

        public static bool IsAsciiLetterOrDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';
    }

    extension(double)
    {
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        public static double Parse(ReadOnlySpan<char> text, NumberStyles style, IFormatProvider? provider) =>
            double.Parse(text.ToString(), style, provider);
    }

    extension(TimeSpan)
    {
        public static long TicksPerMicrosecond => 10;
    }

    extension(string)
    {
        public static string Create(IFormatProvider? provider, FormattableString text) => text.ToString(provider);
    }

    extension(string text)
    {
        public int IndexOf(char value, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? text.IndexOf(value) : text.IndexOf(value.ToString(), comparison);

        public bool Contains(char value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public bool Contains(string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public bool StartsWith(char value) => text.Length > 0 && text[0] == value;

        public bool EndsWith(char value) => text.Length > 0 && text[text.Length - 1] == value;
    }
}

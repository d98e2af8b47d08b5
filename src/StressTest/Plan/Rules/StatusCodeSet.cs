// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;

namespace StressTest.Plan.Rules;

/// <summary>
/// The HTTP status codes a test accepts as success, parsed from the text users write (<c>AcceptStatus = "2xx, 404"</c>):
/// codes (<c>404</c>), ranges (<c>200-299</c>) and classes (<c>2xx</c>), separated by commas, within 100–599.
/// Every other status counts as an error.
/// </summary>
/// <remarks>
/// <para>Immutable, and checked once per response on the hot path: <see cref="Contains"/> tests one bit of a 500-bit
/// set, with no allocation, hashing or branching on the shape of what the user wrote.</para>
/// <para>Like the plan's other parsers it is a pure function of text that never throws on bad input, so the coming
/// analyzer can report a typo at build time. <see cref="ToString"/> gives one canonical text for equal sets
/// (<c>"2xx, 404, 200"</c> → <c>200-299,404</c>), which is also what <see cref="Parse"/> reads back.</para>
/// </remarks>
internal sealed class StatusCodeSet : IEquatable<StatusCodeSet>
{
    private const int First = 100;
    private const int Last = 599;
    private const int Size = Last - First + 1;
    private const int BitsPerWord = 64;

    private const string Expected = "expected status codes, ranges or classes separated by commas, such as \"2xx\" or \"200-299,404\"";
    private const string ItemExpected = "a status code, a range like 200-299 or a class like 2xx";

    /// <summary>Digits beyond this many cannot be a status code; stopping there keeps int parsing from overflowing.</summary>
    private const int MaxDigits = 9;

    private readonly ulong[] _bits;
    private readonly string _text;

    private StatusCodeSet(ulong[] bits)
    {
        _bits = bits;
        _text = Format(bits);
    }

    /// <summary>200–299: what <c>EnsureSuccessStatusCode</c> accepts, and so what users expect without saying.</summary>
    public static StatusCodeSet Default { get; } = FromRange(200, 299);

    /// <summary>Whether <paramref name="statusCode"/> is accepted; false for anything outside 100–599.</summary>
    public bool Contains(int statusCode)
    {
        var index = statusCode - First;
        return (uint)index < Size && IsSet(_bits, index);
    }

    /// <summary>Parses <paramref name="text"/>; never throws on bad input. Duplicates and overlaps are fine.</summary>
    public static ParseResult<StatusCodeSet> Parse(string? text)
    {
        if (text is null)
        {
            return Fail("null is not a set of status codes; " + Expected);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail($"\"{text}\" is empty; {Expected}");
        }

        var bits = new ulong[(Size + BitsPerWord - 1) / BitsPerWord];
        var single = !text.Contains(',', StringComparison.Ordinal);
        foreach (var part in text.Split(','))
        {
            var item = part.Trim();
            if (item.Length == 0)
            {
                return Fail($"\"{text}\" has an empty entry; {Expected}");
            }

            var quoted = single ? $"\"{item}\"" : $"\"{item}\" in \"{text}\"";
            if (!TryParseItem(item, out var low, out var high))
            {
                return Fail($"{quoted} is not {ItemExpected}");
            }

            if (low < First || high > Last)
            {
                return Fail($"{quoted} is outside the status codes {First}-{Last}; expected {ItemExpected}");
            }

            if (low > high)
            {
                return Fail($"{quoted} is a reversed range; expected the lower code first, e.g. \"{high}-{low}\"");
            }

            Set(bits, low, high);
        }

        return ParseResult<StatusCodeSet>.Success(new StatusCodeSet(bits));
    }

    /// <summary>The canonical text: single codes and ranges of consecutive codes, ascending, comma-separated.</summary>
    public override string ToString() => _text;

    public bool Equals(StatusCodeSet? other) => other is not null && _bits.AsSpan().SequenceEqual(other._bits);

    public override bool Equals(object? obj) => Equals(obj as StatusCodeSet);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>A code, <c>low-high</c> (spaces around the dash allowed) or a class <c>Nxx</c>; the bounds are not
    /// checked here. False when the item has none of these shapes.</summary>
    private static bool TryParseItem(string item, out int low, out int high)
    {
        low = high = 0;
        if (item.Length == 3 && char.IsAsciiDigit(item[0]) && item[1] is 'x' or 'X' && item[2] is 'x' or 'X')
        {
            low = (item[0] - '0') * 100;
            high = low + 99;
            return true;
        }

        var dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var isCode = TryParseCode(item, out low);
            high = low;
            return isCode;
        }

        return TryParseCode(item[..dash].TrimEnd(), out low) && TryParseCode(item[(dash + 1)..].TrimStart(), out high);
    }

    /// <summary>Plain ASCII digits; a number too long to be a code parses as one beyond the range.</summary>
    private static bool TryParseCode(string text, out int code)
    {
        code = 0;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        code = text.TrimStart('0').Length > MaxDigits ? int.MaxValue : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static StatusCodeSet FromRange(int low, int high)
    {
        var bits = new ulong[(Size + BitsPerWord - 1) / BitsPerWord];
        Set(bits, low, high);
        return new StatusCodeSet(bits);
    }

    private static void Set(ulong[] bits, int low, int high)
    {
        for (var code = low; code <= high; code++)
        {
            var index = code - First;
            bits[index / BitsPerWord] |= 1UL << (index % BitsPerWord);
        }
    }

    private static bool IsSet(ulong[] bits, int index) => (bits[index / BitsPerWord] & (1UL << (index % BitsPerWord))) != 0;

    private static string Format(ulong[] bits)
    {
        var text = new StringBuilder();
        for (var code = First; code <= Last; code++)
        {
            if (!IsSet(bits, code - First))
            {
                continue;
            }

            var end = code;
            while (end < Last && IsSet(bits, end + 1 - First))
            {
                end++;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(code.ToString(CultureInfo.InvariantCulture));
            if (end > code)
            {
                text.Append('-').Append(end.ToString(CultureInfo.InvariantCulture));
            }

            code = end;
        }

        return text.ToString();
    }

    private static ParseResult<StatusCodeSet> Fail(string message) => ParseResult<StatusCodeSet>.Failure(message);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Buffers;
using System.Globalization;
using System.Text;

namespace StressTest.Http;

/// <summary>
/// Names the endpoint a request went to, <c>GET /orders/{id}</c>, so the report groups requests per endpoint rather
/// than per URL: a test that fetches 10,000 different orders has one endpoint, not 10,000.
/// </summary>
/// <remarks>
/// <para>The name is the method and the path, without query or fragment, as <see cref="Uri.AbsolutePath"/> has it
/// (percent-encoded, case kept), with every segment that looks like an id replaced by <c>{id}</c>:</para>
/// <list type="bullet">
/// <item>all digits: <c>42</c>, and also <c>2024</c>, since a number in a path is nearly always a key;</item>
/// <item>a GUID in any of its usual formats (<c>D</c>, <c>N</c>, <c>B</c>, <c>P</c>);</item>
/// <item>hexadecimal of 16 characters or more (hashes, object ids);</item>
/// <item>16 characters or more of letters, digits, <c>-</c> and <c>_</c>, where letters and digits meet at least
/// twice (base64url ids, ULIDs, <c>cus_NffrFeUfNV2Hib</c>); a name that merely contains a number,
/// <c>oauth2-authorization</c>, stays.</item>
/// </list>
/// <para>Words (<c>orders</c>), short codes (<c>v1</c>) and long slugs without digits stay. A request to a host other
/// than the base address's gets the authority in front (<c>GET api.local:8080/orders/{id}</c>), so two services with
/// the same paths do not merge. Runs for every request on the error-free path, so it scans spans and allocates only
/// the name (and, for a segment with <c>%</c>, its decoded form).</para>
/// </remarks>
internal static class EndpointNamer
{
    private const string IdPlaceholder = "{id}";

    /// <summary>Shortest hexadecimal or mixed segment taken for an id: shorter ones are too often words or codes
    /// (<c>cafe</c>, <c>utf8</c>, <c>x86_64</c>).</summary>
    private const int MinLongIdLength = 16;

    /// <summary>A long segment of letters and digits is an id when they alternate at least this often.</summary>
    private const int MinLetterDigitBoundaries = 2;

    /// <summary>Every GUID format has at least 32 characters (N); shorter segments are not parsed.</summary>
    private const int MinGuidLength = 32;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Base64url's alphabet, which also covers ULIDs and prefixed ids such as <c>cus_…</c>.</summary>
    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    /// <summary>The endpoint name of a request: <c>GET /orders/{id}</c>.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="uri">The request's URI; absolute once HttpClient has applied the base address.</param>
    /// <param name="baseHost">The base address's <see cref="Authority"/>, or null when there is none.</param>
    public static string Name(HttpMethod method, Uri uri, string? baseHost)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);

        string path;
        var authority = string.Empty;
        if (uri.IsAbsoluteUri)
        {
            path = uri.AbsolutePath;
            var own = Authority(uri);
            if (!string.Equals(own, baseHost, StringComparison.OrdinalIgnoreCase))
            {
                authority = own;
            }
        }
        else
        {
            // HttpClient makes every URI absolute before a handler sees it; this only keeps a bad caller from crashing.
            path = RelativePath(uri.OriginalString);
        }

        if (path.Length == 0)
        {
            path = "/";
        }

        return HasId(path)
            ? Collapse(method.Method, authority, path)
            : string.Concat(method.Method, " ", authority, path);
    }

    /// <summary>
    /// <c>host</c> or <c>host:port</c> (port only when not the scheme's default; IPv6 in brackets; international
    /// names in their ASCII form): what <see cref="Name"/> compares with <c>baseHost</c> and writes in front of the path.
    /// </summary>
    public static string Authority(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost + "]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a path segment (as it appears in the URI, percent-encoded or not) is an id.</summary>
    private static bool IsId(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
        {
            return false;
        }

        if (segment.Contains('%'))
        {
            // "{guid}" reaches the path as "%7Bguid%7D".
            return IsDecodedId(Uri.UnescapeDataString(segment.ToString()));
        }

        return IsDecodedId(segment);
    }

    private static bool IsDecodedId(ReadOnlySpan<char> segment) =>
        !segment.ContainsAnyExcept(Digits)
        || IsLongId(segment)
        || (segment.Length >= MinGuidLength && Guid.TryParse(segment, out _));

    private static bool IsLongId(ReadOnlySpan<char> segment)
    {
        if (segment.Length < MinLongIdLength)
        {
            return false;
        }

        if (!segment.ContainsAnyExcept(HexDigits))
        {
            return true;
        }

        return !segment.ContainsAnyExcept(IdChars) && LetterDigitBoundaries(segment) >= MinLetterDigitBoundaries;
    }

    /// <summary>How often a letter and a digit stand side by side: high in random ids (<c>01ARZ3NDEKTSV4RR</c>),
    /// low in names that merely contain a number (<c>oauth2-authorization</c>).</summary>
    private static int LetterDigitBoundaries(ReadOnlySpan<char> segment)
    {
        var boundaries = 0;
        for (var i = 1; i < segment.Length; i++)
        {
            if ((char.IsAsciiLetter(segment[i - 1]) && char.IsAsciiDigit(segment[i]))
                || (char.IsAsciiDigit(segment[i - 1]) && char.IsAsciiLetter(segment[i])))
            {
                boundaries++;
            }
        }

        return boundaries;
    }

    private static bool HasId(string path)
    {
        foreach (var range in path.AsSpan().Split('/'))
        {
            if (IsId(path.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Collapse(string method, string authority, string path)
    {
        var name = new StringBuilder(method.Length + 1 + authority.Length + path.Length)
            .Append(method).Append(' ').Append(authority);
        var first = true;
        foreach (var range in path.AsSpan().Split('/'))
        {
            if (!first)
            {
                name.Append('/');
            }

            first = false;
            var segment = path.AsSpan()[range];
            if (IsId(segment))
            {
                name.Append(IdPlaceholder);
            }
            else
            {
                name.Append(segment);
            }
        }

        return name.ToString();
    }

    /// <summary>A relative URI's path: without query and fragment, starting with a slash.</summary>
    private static string RelativePath(string text)
    {
        var end = text.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? text : text[..end];
        return path.StartsWith('/') ? path : "/" + path;
    }
}

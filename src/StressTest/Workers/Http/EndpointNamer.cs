// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Buffers;
using System.Globalization;

namespace StressTest.Workers.Http;

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
/// the name (and, for a segment with <c>%</c>, its decoded form): about 100 ns and one string per request.</para>
/// </remarks>
internal static class EndpointNamer
{
    private const string IdPlaceholder = "{id}";

    /// <summary>Shortest hexadecimal or mixed segment taken for an id: shorter ones are too often words or codes
    /// (<c>cafe</c>, <c>utf8</c>, <c>x86_64</c>).</summary>
    private const int MinLongIdLength = 16;

    /// <summary>A long segment of letters and digits is an id when they alternate at least this often.</summary>
    private const int MinLetterDigitBoundaries = 2;

    /// <summary>Segments looked at for ids; see <see cref="IdSegments"/>.</summary>
    private const int MaxSegments = 64;

    /// <summary>Every GUID format has at least 32 characters (N); shorter segments are not parsed.</summary>
    private const int MinGuidLength = 32;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Base64url's alphabet, which also covers ULIDs and prefixed ids such as <c>cus_…</c>.</summary>
    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    /// <summary>How a segment looks: a value by its shape alone, one that only looks like a random id, or a word.</summary>
    private enum Shape
    {
        Word,
        WeakId,
        StrongId,
    }

    /// <summary>The endpoint name of a request: <c>GET /orders/{id}</c>.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="uri">The request's URI; absolute once HttpClient has applied the base address.</param>
    /// <param name="baseHost">The base address's <see cref="Authority"/>, or null when there is none.</param>
    public static string Name(HttpMethod method, Uri uri, string? baseHost) => Name(method, uri, baseHost, names: null);

    /// <summary>The same, by the run's routes first and with what the run learned of its paths (<see cref="EndpointNames"/>).</summary>
    public static string Name(HttpMethod method, Uri uri, string? baseHost, EndpointNames? names)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);

        string path;
        var authority = string.Empty;
        if (uri.IsAbsoluteUri)
        {
            path = uri.AbsolutePath;
            if (!IsAuthority(uri, baseHost))
            {
                authority = Authority(uri);
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

        if (names?.Route(method.Method, path) is { } route)
        {
            return string.Concat(method.Method, " ", authority, route.Path);
        }

        var ids = IdSegments(path, names?.Learner.Root(authority), out var collapsedLength, out var literal);
        var name = ids == 0
            ? string.Concat(method.Method, " ", authority, path)
            : Collapse(method.Method, authority, path, ids, collapsedLength);
        if (literal)
        {
            names?.Produced(name); // a literal segment may still turn out to vary: its final name is decided at the end
        }

        return name;
    }

    /// <summary>The name <paramref name="name"/> (one this namer made) gets with what <paramref name="learner"/> knows
    /// now: literal segments at positions that turned out to vary become <c>{id}</c>.</summary>
    public static string Rename(string name, RouteLearner learner)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(learner);
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var slash = name.IndexOf('/', space + 1);
        if (space < 0 || slash < 0)
        {
            return name;
        }

        var node = learner.Root(name[(space + 1)..slash]);
        var segments = name[slash..].Split('/');
        for (var i = 1; i < segments.Length && i < MaxSegments; i++)
        {
            if (segments[i] == IdPlaceholder)
            {
                node = node?.IdChild;
            }
            else if (node is { IsVariable: true })
            {
                segments[i] = IdPlaceholder;
                node = node.IdChild;
            }
            else
            {
                node = node?.Find(segments[i]);
            }
        }

        return string.Concat(name.AsSpan(0, slash), string.Join('/', segments));
    }

    /// <summary>
    /// <c>host</c> or <c>host:port</c> (port only when not the scheme's default; IPv6 in brackets; international
    /// names in their ASCII form): what <see cref="Name(HttpMethod, Uri, string?)"/> compares with <c>baseHost</c> and writes in front of the path.
    /// </summary>
    public static string Authority(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost + "]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="text"/> is <see cref="Authority"/>(<paramref name="uri"/>), compared without
    /// building that string: a request to the base address, the common case, then allocates nothing for it.</summary>
    private static bool IsAuthority(Uri uri, string? text)
    {
        if (text is null)
        {
            return false;
        }

        var rest = text.AsSpan();
        var host = uri.IdnHost;
        var ipv6 = uri.HostNameType == UriHostNameType.IPv6;
        if (ipv6 && !rest.StartsWith('['))
        {
            return false;
        }

        rest = ipv6 ? rest[1..] : rest;
        if (!rest.StartsWith(host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest[host.Length..];
        if (ipv6 && !rest.StartsWith(']'))
        {
            return false;
        }

        rest = ipv6 ? rest[1..] : rest;
        if (uri.IsDefaultPort)
        {
            return rest.IsEmpty;
        }

        return rest.Length > 1 && rest[0] == ':'
            && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port == uri.Port;
    }

    /// <summary>How a path segment (as it appears in the URI, percent-encoded or not) looks.</summary>
    private static Shape ShapeOf(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
        {
            return Shape.Word;
        }

        if (segment.Contains('%'))
        {
            // "{guid}" reaches the path as "%7Bguid%7D".
            return DecodedShape(Uri.UnescapeDataString(segment));
        }

        return DecodedShape(segment);
    }

    /// <summary>Numbers, GUIDs and long hexadecimal are values by their shape alone: random ones always look so. A
    /// long mix of letters and digits only usually looks random (a random slug may not): the learner counts those as
    /// words too, so whether a position varies never depends on what random text happened to look like.</summary>
    private static Shape DecodedShape(ReadOnlySpan<char> segment) =>
        !segment.ContainsAnyExcept(Digits)
        || (segment.Length >= MinLongIdLength && !segment.ContainsAnyExcept(HexDigits))
        || (segment.Length >= MinGuidLength && Guid.TryParse(segment, out _))
            ? Shape.StrongId
            : IsLongId(segment) ? Shape.WeakId : Shape.Word;

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

    /// <summary>
    /// Which of the path's first 64 segments are ids (bit i for segment i; the empty one before the leading slash is
    /// segment 0), and the length of the collapsed path. Later segments are kept as they are: no real API nests that
    /// deep, and a fixed mask keeps the name to one allocation. With a learner (<paramref name="node"/>: the trie of the
    /// request's authority) a word at a position that varies is an id too; <paramref name="literal"/> tells whether a
    /// word was kept, so the name may still change when its position turns out to vary.
    /// </summary>
    private static ulong IdSegments(string path, RouteLearner.Node? node, out int collapsedLength, out bool literal)
    {
        ulong ids = 0;
        collapsedLength = path.Length;
        literal = false;
        var index = 0;
        foreach (var range in path.AsSpan().Split('/'))
        {
            var segment = path.AsSpan()[range];
            if (index > 0 && index < MaxSegments && IsIdAt(segment, ref node, ref literal))
            {
                ids |= 1UL << index;
                collapsedLength += IdPlaceholder.Length - segment.Length;
            }

            index++;
        }

        return ids;
    }

    /// <summary>Whether <paramref name="segment"/> is an id, walking the learner's trie (null without one) past it.</summary>
    private static bool IsIdAt(ReadOnlySpan<char> segment, ref RouteLearner.Node? node, ref bool literal)
    {
        var shape = ShapeOf(segment);
        if (shape == Shape.StrongId)
        {
            node = node?.IdChild;
            return true;
        }

        if (node is null)
        {
            return shape == Shape.WeakId;
        }

        if (node.See(segment) is { } child && shape == Shape.Word)
        {
            node = child;
            literal = true;
            return false;
        }

        node = node.IdChild;
        return true;
    }

    private static string Collapse(string method, string authority, string path, ulong ids, int collapsedLength) =>
        string.Create(method.Length + 1 + authority.Length + collapsedLength, (method, authority, path, ids), static (name, state) =>
        {
            var (method, authority, path, ids) = state;
            method.CopyTo(name);
            name[method.Length] = ' ';
            authority.CopyTo(name[(method.Length + 1)..]);
            var written = method.Length + 1 + authority.Length;
            var index = 0;
            foreach (var range in path.AsSpan().Split('/'))
            {
                if (index > 0)
                {
                    name[written++] = '/';
                }

                var segment = index < MaxSegments && (ids & (1UL << index)) != 0 ? IdPlaceholder.AsSpan() : path.AsSpan()[range];
                segment.CopyTo(name[written..]);
                written += segment.Length;
                index++;
            }
        });

    /// <summary>A relative URI's path: without query and fragment, starting with a slash.</summary>
    private static string RelativePath(string text)
    {
        var end = text.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? text : text[..end];
        return path.StartsWith('/') ? path : "/" + path;
    }
}

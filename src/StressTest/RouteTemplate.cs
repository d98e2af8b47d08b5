// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// A route the test names its endpoints by (<see cref="StressSetupContext.NameEndpoints"/>): an optional method and a
/// path whose <c>{name}</c> segments stand for any one segment, <c>GET /api/articles/{slug}</c>. Parsed where the user
/// gives it, so a malformed route fails the setup that gave it, with the route and what was expected.
/// </summary>
/// <param name="Text">The route as given, trimmed.</param>
/// <param name="Method">The method it is limited to (upper case); null for any.</param>
/// <param name="Path">The path as the endpoint name shows it: <c>/api/articles/{slug}</c>.</param>
/// <param name="Segments">The path's segments after the leading slash; a parameter is null.</param>
internal sealed record RouteTemplate(string Text, string? Method, string Path, IReadOnlyList<string?> Segments)
{
    private const string Expected = "expected an optional method and a path of literal and {parameter} segments, such as \"/api/articles/{slug}\" or \"GET /api/users/{id}/orders\"";

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static bool TryParse(string? text, out RouteTemplate? route, out string problem)
    {
        route = null;
        problem = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var method = space > 0 ? trimmed[..space] : null;
        var path = space > 0 ? trimmed[(space + 1)..].Trim() : trimmed;
        if (method is not null && !method.All(char.IsAsciiLetter))
        {
            problem = $"route \"{trimmed}\" has \"{method}\" where a method such as GET belongs; {Expected}";
            return false;
        }

        if (!path.StartsWith('/') || path.IndexOfAny(['?', '#', ' ', '*']) >= 0)
        {
            problem = $"route \"{trimmed}\" is not a path starting with \"/\" (no query, fragment, spaces or wildcards); {Expected}";
            return false;
        }

        var segments = new List<string?>();
        foreach (var segment in path[1..].Split('/'))
        {
            var isParameter = segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
            if ((segment.Length == 0 && path.Length > 1) || (!isParameter && segment.AsSpan().IndexOfAny('{', '}') >= 0))
            {
                problem = $"route \"{trimmed}\" has the segment \"{segment}\"; a segment is literal text or one whole {{parameter}}; {Expected}";
                return false;
            }

            segments.Add(isParameter ? null : segment);
        }

        route = new RouteTemplate(trimmed, method?.ToUpperInvariant(), path, path.Length == 1 ? [] : segments);
        return true;
    }

    /// <summary>Whether a request with <paramref name="method"/> to <paramref name="path"/> (as
    /// <see cref="Uri.AbsolutePath"/> has it) is this route: same segment count, literals equal ignoring case.</summary>
    public bool Matches(string method, ReadOnlySpan<char> path)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = path[(path.StartsWith('/') ? 1 : 0)..];
        if (Segments.Count == 0)
        {
            return rest.IsEmpty;
        }

        var index = 0;
        foreach (var range in rest.Split('/'))
        {
            var segment = rest[range];
            if (index >= Segments.Count || segment.IsEmpty)
            {
                return false;
            }

            if (Segments[index] is { } literal && !segment.Equals(literal, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            index++;
        }

        return index == Segments.Count;
    }
}

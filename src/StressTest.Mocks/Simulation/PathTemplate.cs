// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Simulation;

/// <summary>
/// A route's path template: literal segments (compared case-insensitively), <c>{name}</c> for one segment, a last
/// <c>{*name}</c> (or <c>{**name}</c>) for the rest. Deliberately smaller than ASP.NET Core's route templates (no
/// constraints, defaults or optional parts), so the in-process handler and the server match alike without
/// ASP.NET's routing, and nothing in a profile means more than it says.
/// </summary>
internal sealed class PathTemplate
{
    private readonly string?[] _segments;   // null: a {name} parameter
    private readonly bool _catchAll;

    private PathTemplate(string?[] segments, bool catchAll)
    {
        _segments = segments;
        _catchAll = catchAll;
    }

    public static PathTemplate Parse(string? template)
    {
        if (string.IsNullOrWhiteSpace(template) || template[0] != '/' || template.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '?' or '#'))
        {
            throw Bad(template ?? string.Empty, "expected a path starting with / without spaces or query, such as /v1/charges/{id}");
        }

        var parts = Split(template);
        var segments = new string?[parts.Length];
        var catchAll = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{') && part.EndsWith('}') && part.Length > 2)
            {
                var name = part[1..^1].TrimStart('*');
                if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    throw Bad(template, $"the parameter \"{Check.Shorten(part)}\" needs a name of letters, digits and _; constraints such as {{id:int}} are not supported");
                }

                if (part[1] == '*')
                {
                    if (i != parts.Length - 1)
                    {
                        throw Bad(template, $"the catch-all \"{Check.Shorten(part)}\" must be the last segment");
                    }

                    catchAll = true;
                    Array.Resize(ref segments, i);
                    break;
                }

                segments[i] = null;
            }
            else if (part.Contains('{', StringComparison.Ordinal) || part.Contains('}', StringComparison.Ordinal))
            {
                throw Bad(template, $"the segment \"{Check.Shorten(part)}\" mixes text and a parameter; expected a whole segment {{name}}");
            }
            else
            {
                segments[i] = part;
            }
        }

        return new PathTemplate(segments, catchAll);
    }

    /// <summary>Whether <paramref name="path"/> (the request's path, without query) matches. Runs for every route
    /// on every request the mock serves: the path is walked segment by segment, nothing is allocated.</summary>
    public bool Matches(string path)
    {
        // Segments without the leading slash; one trailing slash is ignored.
        var rest = path.AsSpan().Trim('/');
        var count = 0;
        while (rest.Length > 0)
        {
            var slash = rest.IndexOf('/');
            var part = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? default : rest[(slash + 1)..];
            if (count >= _segments.Length)
            {
                if (!_catchAll)
                {
                    return false;
                }
            }
            else if (_segments[count] is { } literal && !part.Equals(literal, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            count++;
        }

        return _catchAll ? count >= _segments.Length : count == _segments.Length;
    }

    /// <summary>Segments without the leading slash; one trailing slash is ignored (as <see cref="Matches"/> walks them).</summary>
    private static string[] Split(string path) =>
        path.Trim('/').Length == 0 ? [] : path.Trim('/').Split('/');

    private static MockDefinitionException Bad(string template, string problem) =>
        new("path", $"\"{Check.Shorten(template)}\" is not a path template: {problem}");
}

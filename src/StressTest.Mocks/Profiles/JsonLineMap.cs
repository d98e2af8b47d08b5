// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using System.Text.Json;

namespace StressTest.Mocks.Profiles;

/// <summary>
/// The line of every field and array element of a JSON text, by path (<c>routes[0].latency.p99</c>), so a problem
/// found after parsing (a p99 below the median) can name its line: <see cref="JsonDocument"/> keeps no positions.
/// One pass of <see cref="Utf8JsonReader"/>, counting newlines up to each token.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>Maps a text that <see cref="JsonDocument"/> has already parsed with the same options.</summary>
    public static JsonLineMap Build(string json, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, options);
        var frames = new List<Frame>();
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            for (; counted < reader.TokenStartIndex; counted++)
            {
                line += bytes[counted] == (byte)'\n' ? 1 : 0;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1] = frames[^1] with { Property = reader.GetString() };
                    map._lines.TryAdd(PathOf(frames), line);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.Comment:
                    break;
                default:
                    if (frames.Count > 0 && frames[^1].IsArray)
                    {
                        frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                        map._lines.TryAdd(PathOf(frames), line);
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, null, -1));
                    }

                    break;
            }
        }

        return map;
    }

    /// <summary>The line of <paramref name="path"/>, or of its closest enclosing field or element (a missing field is
    /// reported at its object); 1 for the root.</summary>
    public int LineOf(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }
        }

        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is { } property)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(property);
            }
        }

        return path.ToString();
    }

    /// <summary>An object (its current property) or an array (its current index) on the way to a token.</summary>
    private readonly record struct Frame(bool IsArray, string? Property, int Index);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json;
using StressTest.Mocks.Simulation;
using StressTest.Plan.Rules;

namespace StressTest.Mocks.Profiles;

/// <summary>
/// One JSON object of a profile, read strictly: every field it has must be one it knows (a typo is an error, never
/// a silently ignored setting), none twice, each of the expected type. Every problem is a
/// <see cref="MockDefinitionException"/> carrying the field's full path, which the reader turns into a line.
/// </summary>
internal sealed class ProfileObject
{
    private readonly JsonElement _element;
    private readonly string _path;

    public ProfileObject(JsonElement element, string path, string what, IReadOnlyCollection<string> known)
    {
        _path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new MockDefinitionException(path, $"is {Describe(element)}; expected {what} as a JSON object {{ … }}");
        }

        _element = element;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new MockDefinitionException(PathOf(property.Name), $"is not a field of {what}; expected {List(known)}");
            }

            if (!seen.Add(property.Name))
            {
                throw new MockDefinitionException(PathOf(property.Name), "appears twice; expected each field once");
            }
        }
    }

    public string Path => _path;

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public string PathOf(string name) => _path.Length == 0 ? name : _path + "." + name;

    public string? String(string name, bool required = false) => Get(name, required, JsonValueKind.String, "a string") is { } value ? value.GetString() : null;

    public double? Number(string name, bool required = false) => Get(name, required, JsonValueKind.Number, "a number") is { } value ? value.GetDouble() : null;

    public int? Integer(string name, bool required = false)
    {
        if (Get(name, required, JsonValueKind.Number, "a whole number") is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var integer)
            ? integer
            : throw new MockDefinitionException(PathOf(name), $"{value.GetRawText()} is not a whole number from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A duration as the attributes write it: <c>"40ms"</c>, <c>"1.5s"</c>, <c>"1m30s"</c>.</summary>
    public TimeSpan? Duration(string name, bool required = false)
    {
        if (Get(name, required, JsonValueKind.String, "a duration such as \"40ms\"") is not { } value)
        {
            return null;
        }

        var parsed = DurationParser.Parse(value.GetString());
        return parsed.IsSuccess ? parsed.Value : throw new MockDefinitionException(PathOf(name), parsed.Error);
    }

    public JsonElement? Element(string name) => _element.TryGetProperty(name, out var value) ? value : null;

    public ProfileObject? Object(string name, string what, IReadOnlyCollection<string> known, bool required = false) =>
        Get(name, required, JsonValueKind.Object, what + " object") is { } value ? new ProfileObject(value, PathOf(name), what, known) : null;

    public IEnumerable<(JsonElement Element, string Path)> Array(string name, bool required = false) =>
        Get(name, required, JsonValueKind.Array, "an array [ … ]") is { } value
            ? value.EnumerateArray().Select((item, i) => (item, $"{PathOf(name)}[{i.ToString(CultureInfo.InvariantCulture)}]"))
            : [];

    public IEnumerable<KeyValuePair<string, string>> StringMap(string name)
    {
        if (Get(name, false, JsonValueKind.Object, "an object of header names and values") is not { } value)
        {
            yield break;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw new MockDefinitionException(PathOf(name) + "." + property.Name, $"is {Describe(property.Value)}; expected a string");
            }

            yield return KeyValuePair.Create(property.Name, property.Value.GetString()!);
        }
    }

    /// <summary>Runs a factory, placing its problem (a field relative to this object) under this object's path; a
    /// problem this reader found already carries its full path.</summary>
    public T Build<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (MockDefinitionException ex) when (_path.Length > 0 && !IsWithin(ex.Field))
        {
            throw ex.Within(_path);
        }
    }

    private bool IsWithin(string field) =>
        field.StartsWith(_path + ".", StringComparison.Ordinal) || field.StartsWith(_path + "[", StringComparison.Ordinal) || field == _path;

    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 1 ? all[0] : string.Join(", ", all.Take(all.Count - 1)) + " or " + all[^1];
    }

    private JsonElement? Get(string name, bool required, JsonValueKind kind, string expected)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new MockDefinitionException(PathOf(name), $"is missing; expected {expected}") : null;
        }

        return value.ValueKind == kind
            ? value
            : throw new MockDefinitionException(PathOf(name), $"is {Describe(value)}; expected {expected}");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Check.Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => "the number " + Check.Shorten(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}

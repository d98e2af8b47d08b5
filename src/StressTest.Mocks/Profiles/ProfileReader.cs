// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Mocks.Latencies;

namespace StressTest.Mocks.Profiles;

/// <summary>
/// Reads a JSON profile (schema: docs/simulated-dependencies.md) into a <see cref="MockProfile"/> through the same
/// factories code uses, so a profile and code are checked by the same rules; then prepares it once as a
/// <see cref="MockDependency"/> would, so problems of whole routes (probabilities above 1) are found on load too.
/// Every problem becomes an <see cref="InvalidDataException"/> naming the source, the line and the field.
/// </summary>
internal static class ProfileReader
{
    private static readonly string[] ProfileFields = ["name", "seed", "routes"];
    private static readonly string[] RouteFields = ["method", "path", "response", "latency", "failures", "rateLimit"];
    private static readonly string[] ResponseFields = ["status", "body", "json", "headers"];

    private static readonly Dictionary<string, string[]> LatencyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["constant"] = ["value"],
        ["uniform"] = ["min", "max"],
        ["normal"] = ["mean", "standardDeviation"],
        ["lognormal"] = ["median", "p99"],
        ["empirical"] = ["file", "unit"],
    };

    private static readonly Dictionary<string, string[]> FailureFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = ["status", "body", "json", "headers", "latency"],
        ["timeout"] = [],
        ["reset"] = ["latency"],
        ["slowBody"] = ["bytesPerSecond", "latency"],
    };

    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ns"] = TimeSpan.TicksPerMicrosecond / 1000.0,
        ["us"] = TimeSpan.TicksPerMicrosecond,
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 };

    public static MockProfile Read(string json, string source, string baseDirectory)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = ReaderOptions.CommentHandling, AllowTrailingCommas = true, MaxDepth = ReaderOptions.MaxDepth });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            throw new InvalidDataException($"{source} line {line}: not valid JSON: {ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0]}", ex);
        }

        using (document)
        {
            try
            {
                var profile = ReadProfile(new ProfileObject(document.RootElement, string.Empty, "a mock profile", ProfileFields), baseDirectory);
                _ = new MockDependency(profile, TimeProvider.System);
                return profile;
            }
            catch (MockDefinitionException ex)
            {
                var line = JsonLineMap.Build(json, ReaderOptions).LineOf(ex.Field);
                throw new InvalidDataException($"{source} line {line}, {(ex.Field.Length == 0 ? "the profile" : ex.Field)}: {ex.Problem}", ex);
            }
        }
    }

    private static MockProfile ReadProfile(ProfileObject root, string baseDirectory)
    {
        var profile = root.Build(() => new MockProfile(root.String("name", required: true)!) { Seed = root.Integer("seed") ?? 1 });
        foreach (var (element, path) in root.Array("routes", required: true))
        {
            profile.Routes.Add(ReadRoute(new ProfileObject(element, path, "a route", RouteFields), baseDirectory));
        }

        return profile.Routes.Count > 0 ? profile : throw new MockDefinitionException("routes", "is empty; expected at least one route");
    }

    private static MockRoute ReadRoute(ProfileObject route, string baseDirectory)
    {
        var method = route.String("method", required: true)!;
        var path = route.String("path", required: true)!;
        var response = route.Object("response", "a response", ResponseFields) is { } r ? ReadResponse(r, r.Integer("status") ?? 200) : new MockResponse();
        var latency = route.Object("latency", "a latency", [.. LatencyFields.Values.SelectMany(f => f).Prepend("kind").Distinct()]) is { } l ? ReadLatency(l, baseDirectory) : null;
        var rateLimit = route.Number("rateLimit");
        var built = route.Build(() => new MockRoute(method, path) { Response = response, Latency = latency ?? Latency.Constant(TimeSpan.Zero), RateLimit = rateLimit });
        foreach (var (element, failurePath) in route.Array("failures"))
        {
            built.Failures.Add(ReadFailure(element, failurePath, baseDirectory));
        }

        return built;
    }

    private static MockResponse ReadResponse(ProfileObject response, int status)
    {
        var body = response.String("body");
        var json = response.Element("json");
        if (body is not null && json is not null)
        {
            throw new MockDefinitionException(response.PathOf("json"), "and body are both given; expected one: body for text, json for a JSON value");
        }

        var built = response.Build(() => new MockResponse(status, json is { } value ? value.GetRawText() : body));
        if (json is not null)
        {
            built.Headers["Content-Type"] = "application/json";
        }

        foreach (var (name, value) in response.StringMap("headers"))
        {
            built.Headers[name] = value;
        }

        return built;
    }

    private static Latency ReadLatency(ProfileObject latency, string baseDirectory)
    {
        var kind = Kind(latency, LatencyFields, "latency");
        return latency.Build(() => kind.ToLowerInvariant() switch
        {
            "constant" => Latency.Constant(latency.Duration("value", required: true)!.Value),
            "uniform" => Latency.Uniform(latency.Duration("min", required: true)!.Value, latency.Duration("max", required: true)!.Value),
            "normal" => Latency.Normal(latency.Duration("mean", required: true)!.Value, latency.Duration("standardDeviation", required: true)!.Value),
            "lognormal" => Latency.LogNormal(latency.Duration("median", required: true)!.Value, latency.Duration("p99", required: true)!.Value),
            _ => Empirical(latency, baseDirectory),
        });
    }

    private static EmpiricalLatency Empirical(ProfileObject latency, string baseDirectory)
    {
        var file = latency.String("file", required: true)!;
        var unit = latency.String("unit");
        if (unit is not null && !Units.ContainsKey(unit))
        {
            throw new MockDefinitionException("unit", $"\"{Simulation.Check.Shorten(unit)}\" is not a unit; expected {ProfileObject.List(Units.Keys)}");
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
        if (!File.Exists(full))
        {
            throw new MockDefinitionException("file", $"\"{Simulation.Check.Shorten(file)}\" does not exist (looked for {Simulation.Check.Shorten(full)}); expected an .hgrm or .hlog file, relative to the profile");
        }

        return EmpiricalLatency.Load(full, unit is null ? null : Units[unit]);
    }

    private static Failure ReadFailure(JsonElement element, string path, string baseDirectory)
    {
        var all = FailureFields.Values.SelectMany(f => f).Prepend("probability").Prepend("kind").Distinct().ToList();
        var failure = new ProfileObject(element, path, "a failure", all);
        var kind = Kind(failure, FailureFields, "failure", "probability");
        var probability = failure.Number("probability", required: true)!.Value;
        var latency = failure.Object("latency", "a latency", [.. LatencyFields.Values.SelectMany(f => f).Prepend("kind").Distinct()]) is { } l ? ReadLatency(l, baseDirectory) : null;
        var built = failure.Build(() => kind.ToLowerInvariant() switch
        {
            "status" => Failure.Status(ReadResponse(failure, failure.Integer("status", required: true)!.Value), probability),
            "timeout" => Failure.Timeout(probability),
            "reset" => Failure.ConnectionReset(probability),
            _ => Failure.SlowBody(probability, failure.Integer("bytesPerSecond", required: true)!.Value),
        });
        return latency is null ? built : failure.Build(() => built.After(latency));
    }

    /// <summary>Reads <c>kind</c> and checks that the object's other fields are those of that kind.</summary>
    private static string Kind(ProfileObject item, Dictionary<string, string[]> kinds, string what, params string[] common)
    {
        var kind = item.String("kind", required: true)!;
        if (!kinds.TryGetValue(kind, out var fields))
        {
            throw new MockDefinitionException(item.PathOf("kind"), $"\"{Simulation.Check.Shorten(kind)}\" is not a {what} kind; expected {ProfileObject.List(kinds.Keys)}");
        }

        var allowed = fields.Concat(common).Append("kind").ToHashSet(StringComparer.Ordinal);
        foreach (var other in kinds.Values.SelectMany(f => f).Where(f => !allowed.Contains(f) && item.Has(f)))
        {
            throw new MockDefinitionException(item.PathOf(other), $"does not apply to a {kind} {what}; expected {(fields.Length == 0 ? "only kind" : ProfileObject.List(["kind", .. common, .. fields]))}");
        }

        return kind;
    }
}

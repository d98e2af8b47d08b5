// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Transport.Contracts;

namespace StressTest.Workers.Http;

/// <summary>
/// How one run names its endpoints, so that the same test always reports the same names: first by the routes the test
/// gave (<c>StressSetupContext.NameEndpoints</c>), else by shape (<see cref="EndpointNamer"/>) and by what the run learns
/// of its paths (<see cref="RouteLearner"/>); at the end, names sent before a position turned out to vary are merged into
/// their final name (<see cref="Aliases"/>).
/// </summary>
internal sealed class EndpointNames
{
    /// <summary>Names that may still change, kept for <see cref="Aliases"/>; more would be folded into "(other
    /// endpoints)" by the recorder anyway.</summary>
    private const int MaxProduced = 1_000;

    private readonly IReadOnlyList<RouteTemplate> _routes;
    private readonly ConcurrentDictionary<string, byte> _produced = new(StringComparer.Ordinal);

    /// <param name="routes">The routes as given (already checked by setup; one that does not parse is ignored).</param>
    public EndpointNames(IReadOnlyList<string> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _routes = [.. routes.Select(r => RouteTemplate.TryParse(r, out var route, out _) ? route : null).OfType<RouteTemplate>()];
    }

    public static EndpointNames None { get; } = new([]);

    public RouteLearner Learner { get; } = new();

    /// <summary>The first route that matches, or null.</summary>
    public RouteTemplate? Route(string method, string path)
    {
        foreach (var route in _routes)
        {
            if (route.Matches(method, path))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>A name with a literal segment that may still turn out to vary.</summary>
    public void Produced(string name)
    {
        if (_produced.Count < MaxProduced)
        {
            _produced.TryAdd(name, 0);
        }
    }

    /// <summary>Every name made so far whose final name differs, and that final name.</summary>
    public IReadOnlyList<EndpointAlias> Aliases() => _produced.Keys
        .Select(name => new EndpointAlias(name, EndpointNamer.Rename(name, Learner)))
        .Where(alias => alias.From != alias.To)
        .OrderBy(alias => alias.From, StringComparer.Ordinal)
        .ToList();
}

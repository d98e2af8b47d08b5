// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;

namespace StressTest.Tests.Architecture;

/// <summary>
/// Which room uses which, read from the compiled IL with ArchUnitNET (fields, signatures, method bodies, attributes,
/// generic arguments: every reference the compiler emitted, not the <c>using</c> lines). A room is the first
/// namespace below the house's root; the root namespace itself is the public API.
/// </summary>
internal sealed class RoomGraph
{
    /// <summary>The name the root namespace has in the graph.</summary>
    public const string Root = "(root)";

    private readonly Dictionary<(string From, string To), List<string>> _edges;

    private RoomGraph(Dictionary<(string From, string To), List<string>> edges) => _edges = edges;

    /// <summary>The arrows, each with up to three type pairs that draw it.</summary>
    public IEnumerable<(string From, string To, IReadOnlyList<string> Because)> Edges =>
        _edges.Select(e => (e.Key.From, e.Key.To, (IReadOnlyList<string>)e.Value));

    /// <summary>The engine's house.</summary>
    public static RoomGraph OfEngine() => Engine.Value;

    /// <summary>The house under <paramref name="rootNamespace"/> in <paramref name="assembly"/> (a sample house).</summary>
    public static RoomGraph Of(System.Reflection.Assembly assembly, string rootNamespace) =>
        Read(new ArchLoader().LoadNamespacesWithinAssembly(assembly, rootNamespace).Build(), rootNamespace);

    /// <summary>True when <paramref name="from"/> uses <paramref name="to"/>.</summary>
    public bool Uses(string from, string to) => _edges.ContainsKey((from, to));

    /// <summary>The types that draw the arrow, for a failure message.</summary>
    public string Why(string from, string to) =>
        _edges.TryGetValue((from, to), out var pairs) ? string.Join(", ", pairs) : string.Empty;

    private static readonly Lazy<RoomGraph> Engine = new(() =>
        Read(new ArchLoader().LoadAssemblies(typeof(StressContext).Assembly).Build(), "StressTest"));

    private static RoomGraph Read(ArchUnitNET.Domain.Architecture architecture, string rootNamespace)
    {
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in architecture.Types)
        {
            if (RoomOf(type, rootNamespace) is not { } from)
            {
                continue;
            }

            foreach (var target in type.Dependencies.SelectMany(Targets))
            {
                if (RoomOf(target, rootNamespace) is { } to && to != from)
                {
                    var pairs = edges.TryGetValue((from, to), out var found) ? found : edges[(from, to)] = [];
                    var pair = $"{type.Name} → {target.Name}";
                    if (pairs.Count < 3 && !pairs.Contains(pair))
                    {
                        pairs.Add(pair);
                    }
                }
            }
        }

        return new RoomGraph(edges);
    }

    private static IEnumerable<IType> Targets(ITypeDependency dependency) =>
        dependency.TargetGenericArguments.SelectMany(Arguments).Prepend(dependency.Target);

    private static IEnumerable<IType> Arguments(GenericArgument argument) =>
        argument.GenericArguments.SelectMany(Arguments).Prepend(argument.Type);

    private static string? RoomOf(IType type, string rootNamespace)
    {
        var ns = type.Namespace?.FullName ?? string.Empty;
        if (ns == rootNamespace)
        {
            return Root;
        }

        return ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)
            ? ns[(rootNamespace.Length + 1)..].Split('.')[0]
            : null;
    }
}

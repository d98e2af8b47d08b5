// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.Architecture;

/// <summary>One rule of the house: a name, and the violations it finds in a room graph (none: it holds).</summary>
internal sealed record HouseRule(string Name, Func<RoomGraph, IReadOnlyList<string>> Violations)
{
    /// <summary>No room reaches itself through others.</summary>
    public static HouseRule NoCycles() => new("no cycle between rooms", graph =>
    {
        var next = graph.Edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var cycles = new List<string>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (PathBack(start, start, next, []) is { } path)
            {
                var text = string.Join(" → ", path.Prepend(start));
                if (!cycles.Any(c => SameCycle(c, text)))
                {
                    cycles.Add(text);
                }
            }
        }

        return cycles.Select(c => $"cycle {c} ({string.Join("; ", Steps(c).Select(s => $"{s.From} → {s.To}: {graph.Why(s.From, s.To)}"))})").ToList();
    });

    /// <summary><paramref name="room"/> may use only <paramref name="allowed"/>.</summary>
    public static HouseRule MayOnlyUse(string room, IReadOnlyList<string> allowed, string why) => new(
        $"{room} uses only {(allowed.Count == 0 ? "itself" : string.Join(", ", allowed))}: {why}",
        graph => [.. graph.Edges.Where(e => e.From == room && !allowed.Contains(e.To)).Select(e => Describe(e.From, e.To, e.Because))]);

    /// <summary><paramref name="room"/> may not use any of <paramref name="forbidden"/>.</summary>
    public static HouseRule MayNotUse(string room, IReadOnlyList<string> forbidden, string why) => new(
        $"{room} never uses {string.Join(", ", forbidden)}: {why}",
        graph => [.. graph.Edges.Where(e => e.From == room && forbidden.Contains(e.To)).Select(e => Describe(e.From, e.To, e.Because))]);

    private static string Describe(string from, string to, IReadOnlyList<string> because) => $"{from} → {to} ({string.Join(", ", because)})";

    private static List<string>? PathBack(string at, string start, Dictionary<string, List<string>> next, HashSet<string> seen)
    {
        foreach (var to in next.GetValueOrDefault(at) ?? [])
        {
            if (to == start)
            {
                return [to];
            }

            if (seen.Add(to) && PathBack(to, start, next, seen) is { } rest)
            {
                return [to, .. rest];
            }
        }

        return null;
    }

    private static bool SameCycle(string a, string b) =>
        new HashSet<string>(a.Split(" → ")).SetEquals(b.Split(" → "));

    private static IEnumerable<(string From, string To)> Steps(string cycle)
    {
        var rooms = cycle.Split(" → ");
        return rooms.Zip(rooms.Skip(1));
    }
}

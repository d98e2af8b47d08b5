// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.Architecture;

/// <summary>
/// The engine keeps the rules of its house (<see cref="House"/>); each rule is shown to fail on a sample house that
/// draws its one forbidden arrow (Samples/Crooked*), and to hold on a clean one (Samples/Clean*).
/// </summary>
[TestClass]
public sealed class HouseTests
{
    private const string Samples = "StressTest.Tests.Architecture.Samples";

    private static readonly Lazy<RoomGraph> Clean = new(() => RoomGraph.Of(typeof(HouseTests).Assembly, Samples + ".Clean"));
    private static readonly Lazy<RoomGraph> Crooked = new(() => RoomGraph.Of(typeof(HouseTests).Assembly, Samples + ".Crooked"));

    public static IEnumerable<object[]> Rules => House.Rules.Select(r => new object[] { r.Name });

    /// <summary>The arrow each rule must find in the crooked house (one reference draws it).</summary>
    public static IEnumerable<object[]> Breaches =>
    [
        ["no cycle between rooms", "cycle Load → Plan → Load"],
        [House.Rules[1].Name, "(root) → Workers (Context → Slot)"],
        [House.Rules[2].Name, "Transport → Workers (Message → Slot)"],
        [House.Rules[3].Name, "Workers → Reports (Slot → Page)"],
        [House.Rules[4].Name, "Reports → Controller (Page → Run)"],
        [House.Rules[5].Name, "Evaluation → Reports (Judge → Page)"],
        [House.Rules[6].Name, "Controller → Workers (Run → Slot)"],
    ];

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Engine_KeepsTheRule(string rule)
    {
        var violations = Rule(rule).Violations(RoomGraph.OfEngine());

        Assert.IsEmpty(violations, string.Join(Environment.NewLine, violations));
    }

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void CleanSample_KeepsTheRule(string rule) => Assert.IsEmpty(Rule(rule).Violations(Clean.Value));

    [TestMethod]
    [DynamicData(nameof(Breaches))]
    public void CrookedSample_BreaksTheRule_NamingTheArrowAndTheTypes(string rule, string arrow)
    {
        var violations = Rule(rule).Violations(Crooked.Value);

        Assert.IsTrue(violations.Any(v => v.StartsWith(arrow, StringComparison.Ordinal)), $"expected \"{arrow}\" among: {string.Join(" | ", violations)}");
    }

    [TestMethod]
    public void Breaches_CoverEveryRule() =>
        CollectionAssert.AreEquivalent(House.Rules.Select(r => r.Name).ToList(), Breaches.Select(b => (string)b[0]).ToList());

    [TestMethod]
    public void EngineGraph_SeesTheArrowsTheRunNeeds()
    {
        // A graph read empty would keep every rule: these arrows must be there for a run to happen at all.
        var graph = RoomGraph.OfEngine();

        Assert.IsTrue(graph.Uses("Runner", "Controller"));
        Assert.IsTrue(graph.Uses("Controller", "Transport"));
        Assert.IsTrue(graph.Uses("Workers", "Transport"));
        Assert.IsTrue(graph.Uses("Workers", RoomGraph.Root));
        Assert.IsTrue(graph.Uses("Reports", "Evaluation"));
    }

    [TestMethod]
    public void Engine_HasExactlyTheRoomsOnTheMap()
    {
        var rooms = typeof(StressContext).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith("StressTest.", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[1])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        CollectionAssert.AreEquivalent(House.Rooms.ToList(), rooms, "a new folder of the engine is a new room: put it on the map (House.Rooms) with its rules");
    }

    [TestMethod]
    public void Engine_ReferencesNoTestPlatform() =>
        Assert.IsEmpty(TestPlatformReferences(typeof(StressContext).Assembly));

    [TestMethod]
    public void TestPlatformCheck_FindsTheReferencesOfATestAssembly() =>
        Assert.Contains("MSTest.TestFramework", TestPlatformReferences(typeof(HouseTests).Assembly));

    private static HouseRule Rule(string name) => House.Rules.Single(r => r.Name == name);

    private static List<string> TestPlatformReferences(System.Reflection.Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => House.TestPlatformAssemblyPrefixes.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase)))];
}

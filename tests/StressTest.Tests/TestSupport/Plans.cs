// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan;
using StressTest.Plan.Discovery;
using StressTest.Plan.Rules;
using StressTest.Plan.Settings;

namespace StressTest.Tests.TestSupport;

/// <summary>Declarations and plans of the <c>[StressTest]</c> targets in this assembly, read by the real scanner.</summary>
internal static class Plans
{
    private static readonly Lazy<IReadOnlyList<StressTestDeclaration>> Scanned =
        new(() => StressTestScanner.Scan(typeof(Plans).Assembly));

    public static StressTestDeclaration Declaration(Type type, string method) =>
        Scanned.Value.Single(d => d.TestClass == type && d.Method.Name == method);

    /// <summary>A declaration with the given attribute values, for inputs attributes cannot express.</summary>
    public static StressTestDeclaration Declaration(Type type, string method, IReadOnlyDictionary<string, object?> arguments, params string?[] thresholds)
    {
        var info = type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)!;
        return new StressTestDeclaration(type, info, type.FullName!.Replace('+', '.') + "." + method, arguments, thresholds.Select(t => new ThresholdDeclaration(t)).ToList());
    }

    public static ParseResult<StressPlan> TryBuild(Type type, string method, StressSettings? settings = null) =>
        PlanBuilder.Build(Declaration(type, method), settings ?? StressSettings.Default);

    public static StressPlan Build(Type type, string method, StressSettings? settings = null)
    {
        var plan = TryBuild(type, method, settings);
        Assert.IsTrue(plan.IsSuccess, plan.Error);
        return plan.Value;
    }
}

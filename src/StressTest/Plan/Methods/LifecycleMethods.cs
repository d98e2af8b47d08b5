// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Methods;

/// <summary>
/// The <c>[StressSetup]</c> and <c>[StressTeardown]</c> methods of a test class: public static, at most one of
/// each, returning void, Task or ValueTask, taking nothing or a <see cref="CancellationToken"/>; either may also take
/// the run's <see cref="StressSetupContext"/> first (teardown: to read the run id and what setup handed over). The
/// rules are <see cref="MethodRules.CheckLifecycle"/>, shared with the analyzer.
/// </summary>
internal sealed class LifecycleMethods
{
    internal const string SetupAttributeName = "StressTest.StressSetupAttribute";
    internal const string TeardownAttributeName = "StressTest.StressTeardownAttribute";

    public static LifecycleMethods None { get; } = new(null, null);

    private LifecycleMethods(MethodInfo? setup, MethodInfo? teardown)
    {
        Setup = setup;
        Teardown = teardown;
    }

    public MethodInfo? Setup { get; }

    public MethodInfo? Teardown { get; }

    /// <summary>Finds and checks the lifecycle methods of <paramref name="testClass"/> and its base classes.</summary>
    public static ParseResult<LifecycleMethods> Find(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var problems = new List<PlanProblem>();
        var setup = FindOne(testClass, SetupAttributeName, MethodRules.SetupLabel, problems);
        var teardown = FindOne(testClass, TeardownAttributeName, MethodRules.TeardownLabel, problems);
        return problems.Count > 0
            ? ParseResult<LifecycleMethods>.Failure(string.Join(" ", problems.Select(p => p.Message)))
            : ParseResult<LifecycleMethods>.Success(new LifecycleMethods(setup, teardown));
    }

    /// <summary>The one method of <paramref name="testClass"/> (or a base class) marked with the attribute named
    /// <paramref name="attributeName"/>; null when there is none, or (with a problem) several.</summary>
    internal static MethodInfo? FindMarked(Type testClass, string attributeName, string label, List<PlanProblem> problems)
    {
        var candidates = testClass
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.FlattenHierarchy)
            .Where(m => m.GetCustomAttributesData().Any(a => a.AttributeType.FullName == attributeName))
            .ToList();
        if (candidates.Count > 1)
        {
            problems.Add(MethodRules.TooMany(testClass.Name, label, [.. candidates.Select(m => m.Name)]));
            return null;
        }

        return candidates.SingleOrDefault();
    }

    private static MethodInfo? FindOne(Type testClass, string attributeName, string label, List<PlanProblem> problems)
    {
        if (FindMarked(testClass, attributeName, label, problems) is not { } method)
        {
            return null;
        }

        var found = MethodRules.CheckLifecycle(label, testClass.Name, ReflectedFacts.Of(method));
        problems.AddRange(found);
        return found.Count == 0 ? method : null;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;

namespace StressTest.Plan.Methods;

/// <summary>
/// The <c>[StressSetup]</c> and <c>[StressTeardown]</c> methods of a test class: public static, at most one of
/// each, returning void, Task or ValueTask, taking nothing or a <see cref="CancellationToken"/>; either may also take
/// the run's <see cref="StressSetupContext"/> first (teardown: to read the run id and what setup handed over).
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
        var problems = new List<string>();
        var setup = FindOne(testClass, SetupAttributeName, "[StressSetup]", problems);
        var teardown = FindOne(testClass, TeardownAttributeName, "[StressTeardown]", problems);
        return problems.Count > 0
            ? ParseResult<LifecycleMethods>.Failure(string.Join(" ", problems))
            : ParseResult<LifecycleMethods>.Success(new LifecycleMethods(setup, teardown));
    }

    /// <summary>The one method of <paramref name="testClass"/> (or a base class) marked with the attribute named
    /// <paramref name="attributeName"/>; null when there is none, or (with a problem) several.</summary>
    internal static MethodInfo? FindMarked(Type testClass, string attributeName, string label, List<string> problems)
    {
        var candidates = testClass
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.FlattenHierarchy)
            .Where(m => m.GetCustomAttributesData().Any(a => a.AttributeType.FullName == attributeName))
            .ToList();
        if (candidates.Count > 1)
        {
            problems.Add($"{testClass.Name} has {candidates.Count} {label} methods ({string.Join(", ", candidates.Select(m => m.Name))}); expected at most one.");
            return null;
        }

        return candidates.SingleOrDefault();
    }

    private static MethodInfo? FindOne(Type testClass, string attributeName, string label, List<string> problems)
    {
        if (FindMarked(testClass, attributeName, label, problems) is not { } method)
        {
            return null;
        }

        var parameters = method.GetParameters().Select(p => p.ParameterType).ToList();
        if (parameters.Count > 0 && parameters[0] == typeof(StressSetupContext))
        {
            parameters.RemoveAt(0);
        }

        var ok = method.IsStatic && method.IsPublic && !method.IsGenericMethodDefinition
            && (method.ReturnType == typeof(void) || method.ReturnType == typeof(Task) || method.ReturnType == typeof(ValueTask))
            && (parameters.Count == 0 || (parameters.Count == 1 && parameters[0] == typeof(CancellationToken)));
        if (!ok)
        {
            problems.Add($"{label} method {testClass.Name}.{method.Name} must be public static, return void, Task or ValueTask, and take no parameters, a CancellationToken, a StressSetupContext, or (StressSetupContext, CancellationToken).");
            return null;
        }

        if (MethodShape.AsyncVoidProblem(method) is { } asyncVoid)
        {
            problems.Add($"{label} method {testClass.Name}.{method.Name} is not supported: {asyncVoid}.");
            return null;
        }

        return method;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;

namespace StressTest.Plan.Methods;

/// <summary>
/// A test class's <c>[StressWorkerSetup]</c> and <c>[StressWorkerTeardown]</c>: public instance methods, at most one
/// of each, shaped like a stress-test method (<see cref="MethodShape"/>); they run once per worker on the worker's own
/// instance, so instance fields carry what they prepare to every invocation.
/// </summary>
internal static class WorkerLifecycleMethods
{
    internal const string SetupAttributeName = "StressTest.StressWorkerSetupAttribute";
    internal const string TeardownAttributeName = "StressTest.StressWorkerTeardownAttribute";

    /// <summary>Finds and checks them on <paramref name="testClass"/> and its base classes; problems name the method.</summary>
    public static (MethodInfo? Setup, MethodInfo? Teardown) Find(Type testClass, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var setup = FindOne(testClass, SetupAttributeName, "[StressWorkerSetup]", problems);
        var teardown = FindOne(testClass, TeardownAttributeName, "[StressWorkerTeardown]", problems);
        return (setup, teardown);
    }

    private static MethodInfo? FindOne(Type testClass, string attributeName, string label, List<string> problems)
    {
        if (LifecycleMethods.FindMarked(testClass, attributeName, label, problems) is not { } method)
        {
            return null;
        }

        var shape = new List<string>();
        if (method.IsStatic || !method.IsPublic || method.IsGenericMethodDefinition)
        {
            shape.Add("it must be a public, non-generic instance method (it runs on each worker's own instance)");
        }

        MethodShape.Check(method, shape);
        if (shape.Count > 0)
        {
            problems.Add($"{label} method {testClass.Name}.{method.Name} is not supported: {string.Join("; ", shape)}");
            return null;
        }

        return method;
    }
}

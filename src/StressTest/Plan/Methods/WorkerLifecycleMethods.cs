// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Methods;

/// <summary>
/// A test class's <c>[StressWorkerSetup]</c> and <c>[StressWorkerTeardown]</c>: public instance methods, at most one
/// of each, shaped like a stress-test method (<see cref="MethodRules.CheckShape"/>); they run once per worker on the
/// worker's own instance, so instance fields carry what they prepare to every invocation.
/// </summary>
internal static class WorkerLifecycleMethods
{
    internal const string SetupAttributeName = "StressTest.StressWorkerSetupAttribute";
    internal const string TeardownAttributeName = "StressTest.StressWorkerTeardownAttribute";

    /// <summary>Finds and checks them on <paramref name="testClass"/> and its base classes; problems name the method.</summary>
    public static (MethodInfo? Setup, MethodInfo? Teardown) Find(Type testClass, List<SignatureFragment> problems)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var setup = FindOne(testClass, SetupAttributeName, MethodRules.WorkerSetupLabel, problems);
        var teardown = FindOne(testClass, TeardownAttributeName, MethodRules.WorkerTeardownLabel, problems);
        return (setup, teardown);
    }

    private static MethodInfo? FindOne(Type testClass, string attributeName, string label, List<SignatureFragment> problems)
    {
        var found = new List<PlanProblem>();
        var method = LifecycleMethods.FindMarked(testClass, attributeName, label, found);
        if (method is not null && MethodRules.CheckWorkerLifecycle(label, testClass.Name, ReflectedFacts.Of(method)) is { } problem)
        {
            found.Add(problem);
            method = null;
        }

        problems.AddRange(found.Select(p => new SignatureFragment(p.Kind, p.Message)));
        return method;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Methods;

/// <summary>
/// A stress-test method that was checked: public, of a public class, of a supported shape, with the class's worker
/// setup and teardown found. Checking is reflection only; the engine compiles the method where it runs it (an agent),
/// once, so the plan never holds code.
/// </summary>
/// <param name="TestClass">The class the test was discovered on (a derived class for an inherited method).</param>
/// <param name="Method">The <c>[StressTest]</c> method.</param>
/// <param name="WorkerSetup">The class's <c>[StressWorkerSetup]</c>, if any.</param>
/// <param name="WorkerTeardown">The class's <c>[StressWorkerTeardown]</c>, if any.</param>
internal sealed record TestMethod(Type TestClass, MethodInfo Method, MethodInfo? WorkerSetup, MethodInfo? WorkerTeardown)
{
    /// <summary>True when each worker needs its own instance of the test class.</summary>
    public bool NeedsInstance => !Method.IsStatic || WorkerSetup is not null || WorkerTeardown is not null;

    /// <summary>Checks <paramref name="method"/> of <paramref name="testClass"/>; the failure names every problem at once.</summary>
    public static ParseResult<TestMethod> Check(Type testClass, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        ArgumentNullException.ThrowIfNull(method);
        var name = $"{testClass.Name}.{method.Name}";
        var problems = new List<string>();

        if (!method.IsPublic)
        {
            problems.Add("it must be public");
        }

        if (!(testClass.IsPublic || testClass.IsNestedPublic) || testClass.ContainsGenericParameters)
        {
            problems.Add($"its class {testClass.Name} must be public and not an open generic type");
        }

        if (method.IsGenericMethodDefinition)
        {
            problems.Add("it must not be generic");
        }

        MethodShape.Check(method, problems);
        var (setup, teardown) = WorkerLifecycleMethods.Find(testClass, problems);
        var checkedMethod = new TestMethod(testClass, method, setup, teardown);
        if (checkedMethod.NeedsInstance && (testClass.GetConstructor(Type.EmptyTypes) is null || testClass.IsAbstract))
        {
            problems.Add($"its class {testClass.Name} needs a public parameterless constructor (each worker creates its own instance{(method.IsStatic ? " for its [StressWorkerSetup]/[StressWorkerTeardown]" : string.Empty)})");
        }

        return problems.Count > 0
            ? ParseResult<TestMethod>.Failure($"[StressTest] method {name} has an unsupported signature: {string.Join("; ", problems)}.")
            : ParseResult<TestMethod>.Success(checkedMethod);
    }
}

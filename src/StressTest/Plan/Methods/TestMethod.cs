// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Methods;

/// <summary>
/// A stress-test method that was checked: public, of a public class, of a supported shape, with the class's worker
/// setup and teardown found. Checking is reflection only; the engine compiles the method where it runs it (an agent),
/// once, so the plan never holds code. The rules themselves are <see cref="MethodRules"/>, shared with the analyzer.
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
        var classFacts = ReflectedFacts.Of(testClass);
        var methodFacts = ReflectedFacts.Of(method);
        var fragments = new List<SignatureFragment>();
        MethodRules.CheckTestMethod(classFacts, methodFacts, fragments);
        var (setup, teardown) = WorkerLifecycleMethods.Find(testClass, fragments);
        MethodRules.CheckInstance(classFacts, methodFacts, setup is not null || teardown is not null, fragments);

        return fragments.Count > 0
            ? ParseResult<TestMethod>.Failure(MethodRules.TestMethodMessage(testClass.Name, method.Name, fragments.Select(f => f.Text)))
            : ParseResult<TestMethod>.Success(new TestMethod(testClass, method, setup, teardown));
    }
}

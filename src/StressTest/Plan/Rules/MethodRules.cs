// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules;

/// <summary>
/// The shapes a stress-test method and its lifecycle methods may have, as rules over <see cref="MethodFacts"/>:
/// the runtime applies them to reflection's view, the analyzer to Roslyn's, with the same messages.
/// </summary>
/// <remarks>
/// A stress-test method and a worker's setup and teardown return void, Task or ValueTask and take (),
/// (StressContext), (CancellationToken) or (StressContext, CancellationToken): one rule, so one compiled invoker
/// shape (the engine's MethodBinding) serves all of them. <c>async void</c> is rejected (issue 16): nothing can await
/// it, so its time would not be measured, and an exception in it would crash the test host.
/// </remarks>
internal static class MethodRules
{
    public const string SetupLabel = "[StressSetup]";
    public const string TeardownLabel = "[StressTeardown]";
    public const string WorkerSetupLabel = "[StressWorkerSetup]";
    public const string WorkerTeardownLabel = "[StressWorkerTeardown]";

    private const string AsyncVoid = "is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task)";

    /// <summary>What is wrong with the stress-test method <paramref name="method"/> itself and its class's
    /// visibility, in the order the message lists them.</summary>
    public static void CheckTestMethod(ClassFacts testClass, MethodFacts method, List<SignatureFragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(fragments);
        if (!method.IsPublic)
        {
            fragments.Add(new(ProblemKind.Method, "it must be public"));
        }

        if (!testClass.IsPublic || testClass.IsOpenGeneric)
        {
            fragments.Add(new(ProblemKind.TestClass, $"its class {testClass.Name} must be public and not an open generic type"));
        }

        if (method.IsGeneric)
        {
            fragments.Add(new(ProblemKind.Method, "it must not be generic"));
        }

        CheckShape(method, fragments);
    }

    /// <summary>True when each worker needs its own instance of the test class: an instance method, or a
    /// (valid) worker setup or teardown.</summary>
    public static bool NeedsInstance(MethodFacts method, bool hasWorkerLifecycle)
    {
        ArgumentNullException.ThrowIfNull(method);
        return !method.IsStatic || hasWorkerLifecycle;
    }

    /// <summary>The class must be instantiable when each worker needs an instance.</summary>
    public static void CheckInstance(ClassFacts testClass, MethodFacts method, bool hasWorkerLifecycle, List<SignatureFragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        ArgumentNullException.ThrowIfNull(fragments);
        if (NeedsInstance(method, hasWorkerLifecycle) && (!testClass.HasPublicParameterlessConstructor || testClass.IsAbstract))
        {
            var forLifecycle = method.IsStatic ? " for its [StressWorkerSetup]/[StressWorkerTeardown]" : string.Empty;
            fragments.Add(new(ProblemKind.TestClass, $"its class {testClass.Name} needs a public parameterless constructor (each worker creates its own instance{forLifecycle})"));
        }
    }

    /// <summary>The message a stress-test method with these problems fails with.</summary>
    public static string TestMethodMessage(string className, string methodName, IEnumerable<string> fragments) =>
        $"[StressTest] method {className}.{methodName} has an unsupported signature: {string.Join("; ", fragments)}.";

    /// <summary>Return type and parameters of a stress-test method or a worker's setup or teardown.</summary>
    public static void CheckShape(MethodFacts method, List<SignatureFragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(fragments);
        if (method.Returns.Kind is not (SignatureType.Void or SignatureType.Task or SignatureType.ValueTask))
        {
            fragments.Add(new(ProblemKind.Method, $"it returns {method.Returns.Name}; expected void, Task or ValueTask"));
        }
        else if (method.Returns.Kind == SignatureType.Void && method.IsAsync)
        {
            fragments.Add(new(ProblemKind.AsyncVoid, "it " + AsyncVoid));
        }

        var parameters = method.Parameters;
        var shapeOk = parameters.Count switch
        {
            0 => true,
            1 => parameters[0].Kind is SignatureType.StressContext or SignatureType.CancellationToken,
            2 => parameters[0].Kind == SignatureType.StressContext && parameters[1].Kind == SignatureType.CancellationToken,
            _ => false,
        };
        if (!shapeOk)
        {
            var shape = string.Join(", ", parameters.Select(p => p.Name));
            fragments.Add(new(ProblemKind.Method, $"its parameters ({shape}) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)"));
        }
    }

    /// <summary>A <c>[StressSetup]</c> or <c>[StressTeardown]</c> method: public static, returning void, Task or
    /// ValueTask, taking nothing or a CancellationToken, optionally after the run's StressSetupContext.</summary>
    public static List<PlanProblem> CheckLifecycle(string label, string className, MethodFacts method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var problems = new List<PlanProblem>();
        var parameters = method.Parameters.ToList();
        if (parameters.Count > 0 && parameters[0].Kind == SignatureType.StressSetupContext)
        {
            parameters.RemoveAt(0);
        }

        var ok = method.IsStatic && method.IsPublic && !method.IsGeneric
            && method.Returns.Kind is SignatureType.Void or SignatureType.Task or SignatureType.ValueTask
            && (parameters.Count == 0 || (parameters.Count == 1 && parameters[0].Kind == SignatureType.CancellationToken));
        if (!ok)
        {
            problems.Add(new(ProblemKind.Lifecycle, $"{label} method {className}.{method.Name} must be public static, return void, Task or ValueTask, and take no parameters, a CancellationToken, a StressSetupContext, or (StressSetupContext, CancellationToken)."));
        }

        if (method.Returns.Kind == SignatureType.Void && method.IsAsync)
        {
            problems.Add(new(ProblemKind.AsyncVoid, $"{label} method {className}.{method.Name} {AsyncVoid}."));
        }

        return problems;
    }

    /// <summary>A <c>[StressWorkerSetup]</c> or <c>[StressWorkerTeardown]</c> method: a public, non-generic
    /// instance method shaped like a stress-test method (it runs on each worker's own instance). Null when it is
    /// fine.</summary>
    public static PlanProblem? CheckWorkerLifecycle(string label, string className, MethodFacts method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var fragments = new List<SignatureFragment>();
        if (method.IsStatic || !method.IsPublic || method.IsGeneric)
        {
            fragments.Add(new(ProblemKind.Lifecycle, "it must be a public, non-generic instance method (it runs on each worker's own instance)"));
        }

        CheckShape(method, fragments);
        if (fragments.Count == 0)
        {
            return null;
        }

        var kind = fragments.All(f => f.Kind == ProblemKind.AsyncVoid) ? ProblemKind.AsyncVoid : ProblemKind.Lifecycle;
        return new(kind, $"{label} method {className}.{method.Name} is not supported: {string.Join("; ", fragments.Select(f => f.Text))}");
    }

    /// <summary>More than one method of a class (with its base classes) carries the same lifecycle attribute.</summary>
    public static PlanProblem TooMany(string className, string label, IReadOnlyList<string> methodNames)
    {
        ArgumentNullException.ThrowIfNull(methodNames);
        return new(ProblemKind.Lifecycle, $"{className} has {methodNames.Count} {label} methods ({string.Join(", ", methodNames)}); expected at most one.");
    }

    /// <summary>Overloads would share one test name (and so one test id): each fails, saying why, instead of one
    /// silently shadowing the other.</summary>
    public static PlanProblem Overloaded(string className, string methodName, int count) =>
        new(ProblemKind.Method, $"[StressTest] method {className}.{methodName} is overloaded ({count} methods with [StressTest] share the name); give each stress test its own method name.");
}

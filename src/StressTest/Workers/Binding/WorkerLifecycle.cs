// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Methods;

namespace StressTest.Workers.Binding;

/// <summary>
/// A test class's <c>[StressWorkerSetup]</c> and <c>[StressWorkerTeardown]</c>: public instance methods, at most one
/// of each, shaped like a stress-test method (<see cref="MethodShape"/>) and compiled the same way; they run once per
/// worker on the worker's own instance, so instance fields carry what they prepare to every invocation.
/// </summary>
internal sealed class WorkerLifecycle
{
    internal const string SetupAttributeName = "StressTest.StressWorkerSetupAttribute";
    internal const string TeardownAttributeName = "StressTest.StressWorkerTeardownAttribute";

    private readonly Func<object?, StressContext, CancellationToken, ValueTask>? _setup;
    private readonly Func<object?, StressContext, CancellationToken, ValueTask>? _teardown;

    private WorkerLifecycle(MethodInfo? setup, MethodInfo? teardown, Type? testClass)
    {
        Setup = setup;
        Teardown = teardown;
        _setup = setup is null ? null : MethodBinding.Compile(testClass!, setup, setup.GetParameters());
        _teardown = teardown is null ? null : MethodBinding.Compile(testClass!, teardown, teardown.GetParameters());
    }

    public static WorkerLifecycle None { get; } = new(null, null, null);

    public MethodInfo? Setup { get; }

    public MethodInfo? Teardown { get; }

    public bool IsEmpty => Setup is null && Teardown is null;

    /// <summary>Finds and checks them on <paramref name="testClass"/> and its base classes; problems name the method.</summary>
    public static WorkerLifecycle Find(Type testClass, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var setup = FindOne(testClass, SetupAttributeName, "[StressWorkerSetup]", problems);
        var teardown = FindOne(testClass, TeardownAttributeName, "[StressWorkerTeardown]", problems);
        return setup is null && teardown is null ? None : new WorkerLifecycle(setup, teardown, testClass);
    }

    public ValueTask SetUpAsync(object? instance, StressContext context, CancellationToken cancellationToken) =>
        _setup?.Invoke(instance, context, cancellationToken) ?? default;

    public ValueTask TearDownAsync(object? instance, StressContext context) =>
        _teardown?.Invoke(instance, context, CancellationToken.None) ?? default;

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

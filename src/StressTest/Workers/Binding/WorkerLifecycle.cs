// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Methods;

namespace StressTest.Workers.Binding;

/// <summary>
/// A test class's <c>[StressWorkerSetup]</c> and <c>[StressWorkerTeardown]</c> (found and checked by
/// <see cref="WorkerLifecycleMethods"/>), compiled like the stress-test method; they run once per worker on the
/// worker's own instance.
/// </summary>
internal sealed class WorkerLifecycle
{
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

    /// <summary>Compiles the checked method's worker setup and teardown.</summary>
    public static WorkerLifecycle Of(TestMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.WorkerSetup is null && method.WorkerTeardown is null ? None : new WorkerLifecycle(method.WorkerSetup, method.WorkerTeardown, method.TestClass);
    }

    public ValueTask SetUpAsync(object? instance, StressContext context, CancellationToken cancellationToken) =>
        _setup?.Invoke(instance, context, cancellationToken) ?? default;

    public ValueTask TearDownAsync(object? instance, StressContext context, CancellationToken cancellationToken) =>
        _teardown?.Invoke(instance, context, cancellationToken) ?? default;
}

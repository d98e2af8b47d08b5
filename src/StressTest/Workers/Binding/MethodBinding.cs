// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Linq.Expressions;
using System.Reflection;
using StressTest.Plan;
using StressTest.Plan.Methods;

namespace StressTest.Workers.Binding;

/// <summary>
/// A validated stress-test method, compiled once per test into a delegate: reflection's <c>Invoke</c> would box
/// arguments and allocate an object array on every call, which the hot path cannot afford.
/// </summary>
internal sealed class MethodBinding
{
    private readonly Func<object?, StressContext, CancellationToken, ValueTask> _compiled;
    private readonly ConstructorInfo? _constructor;

    private MethodBinding(MethodInfo method, ConstructorInfo? constructor, Func<object?, StressContext, CancellationToken, ValueTask> compiled)
    {
        Method = method;
        _constructor = constructor;
        _compiled = compiled;
    }

    public MethodInfo Method { get; }

    /// <summary>True when the method returns a Task or ValueTask (it may complete later, on another thread).</summary>
    public bool IsAsync => Method.ReturnType != typeof(void);

    /// <summary>The class's <c>[StressWorkerSetup]</c> and <c>[StressWorkerTeardown]</c>, run on each worker's instance.</summary>
    public WorkerLifecycle Lifecycle { get; private init; } = WorkerLifecycle.None;

    /// <summary>True when each worker needs its own instance of the test class.</summary>
    public bool NeedsInstance => _constructor is not null;

    /// <summary>Creates a worker's instance (null for static methods). Exceptions from the constructor propagate.</summary>
    public object? CreateInstance()
    {
        if (_constructor is null)
        {
            return null;
        }

        try
        {
            return _constructor.Invoke(null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Binds the compiled method to one worker's instance.</summary>
    public InvocationDelegate BindTo(object? instance) => (context, token) => _compiled(instance, context, token);

    /// <summary>Checks the method's shape and compiles it; the error names the method and what was expected.</summary>
    public static ParseResult<MethodBinding> Create(Type testClass, MethodInfo method)
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
        var parameters = method.GetParameters();
        var lifecycle = WorkerLifecycle.Find(testClass, problems);

        ConstructorInfo? constructor = null;
        if (!method.IsStatic || !lifecycle.IsEmpty)
        {
            constructor = testClass.GetConstructor(Type.EmptyTypes);
            if (constructor is null || testClass.IsAbstract)
            {
                problems.Add($"its class {testClass.Name} needs a public parameterless constructor (each worker creates its own instance{(method.IsStatic ? " for its [StressWorkerSetup]/[StressWorkerTeardown]" : string.Empty)})");
            }
        }

        if (problems.Count > 0)
        {
            return ParseResult<MethodBinding>.Failure($"[StressTest] method {name} has an unsupported signature: {string.Join("; ", problems)}.");
        }

        return ParseResult<MethodBinding>.Success(new MethodBinding(method, constructor, Compile(testClass, method, parameters)) { Lifecycle = lifecycle });
    }

    /// <summary>Compiles any supported shape (instance or static; <see cref="MethodShape"/>) into one signature.</summary>
    internal static Func<object?, StressContext, CancellationToken, ValueTask> Compile(Type testClass, MethodInfo method, ParameterInfo[] parameters)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var context = Expression.Parameter(typeof(StressContext), "context");
        var token = Expression.Parameter(typeof(CancellationToken), "token");
        var arguments = parameters.Select(p => p.ParameterType == typeof(StressContext) ? (Expression)context : token);
        var call = method.IsStatic
            ? Expression.Call(method, arguments)
            : Expression.Call(Expression.Convert(instance, testClass), method, arguments);
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Default(typeof(ValueTask)))
            : method.ReturnType == typeof(Task)
                ? Expression.New(typeof(ValueTask).GetConstructor([typeof(Task)])!, call)
                : call;
        return Expression.Lambda<Func<object?, StressContext, CancellationToken, ValueTask>>(body, instance, context, token).Compile();
    }
}

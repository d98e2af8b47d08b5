// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Linq.Expressions;
using System.Reflection;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;

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

    /// <summary>Checks <paramref name="method"/> (<see cref="TestMethod.Check"/>) and compiles it: an agent binds
    /// the method it was sent by name; the plan only checked it.</summary>
    public static ParseResult<MethodBinding> Create(Type testClass, MethodInfo method)
    {
        var checkedMethod = TestMethod.Check(testClass, method);
        return checkedMethod.IsSuccess ? ParseResult<MethodBinding>.Success(Bind(checkedMethod.Value)) : ParseResult<MethodBinding>.Failure(checkedMethod.Error);
    }

    /// <summary>Compiles a checked method and its class's worker lifecycle: once per run, where the run happens.</summary>
    public static MethodBinding Bind(TestMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var constructor = method.NeedsInstance ? method.TestClass.GetConstructor(Type.EmptyTypes) : null;
        return new MethodBinding(method.Method, constructor, Compile(method.TestClass, method.Method, method.Method.GetParameters()))
        {
            Lifecycle = WorkerLifecycle.Of(method),
        };
    }

    /// <summary>The compiled call's Task as a ValueTask; a null Task (nothing to await) names the method instead of
    /// failing every invocation with an ArgumentNullException. One null check on the hot path, inlined by the JIT.</summary>
    private static ValueTask FromTask(Task? task, MethodInfo method) =>
        task is null ? throw NullTaskException.For(method) : new ValueTask(task);

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
                ? Expression.Call(typeof(MethodBinding).GetMethod(nameof(FromTask), BindingFlags.NonPublic | BindingFlags.Static)!, call, Expression.Constant(method))
                : call;
        return Expression.Lambda<Func<object?, StressContext, CancellationToken, ValueTask>>(body, instance, context, token).Compile();
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;

namespace StressTest.Plan.Methods;

/// <summary>
/// The shapes a stress-test method and a worker's setup and teardown may have: returning void, Task or ValueTask,
/// taking (), (StressContext), (CancellationToken) or (StressContext, CancellationToken). One rule, so one compiled
/// invoker shape (the engine's MethodBinding) serves all of them.
/// </summary>
internal static class MethodShape
{
    private const string AsyncStateMachineAttributeName = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";

    /// <summary>What is wrong with an <c>async void</c> method, or null: the engine cannot await it (it returns at its
    /// first await, so it "passes" at any rate with latency 0) and an exception in it is rethrown on the thread pool,
    /// which crashes the test host and every test after it.</summary>
    public static string? AsyncVoidProblem(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.ReturnType == typeof(void) && IsAsync(method)
            ? "it is async void, which cannot be awaited (its time and its exceptions would be lost, and an exception would crash the test host); declare it async Task instead"
            : null;
    }

    /// <summary>Adds what is wrong with <paramref name="method"/>'s return type and parameters to <paramref name="problems"/>.</summary>
    public static void Check(MethodInfo method, List<string> problems)
    {
        var returnType = method.ReturnType;
        if (returnType != typeof(void) && returnType != typeof(Task) && returnType != typeof(ValueTask))
        {
            problems.Add($"it returns {returnType.Name}; expected void, Task or ValueTask");
        }

        if (AsyncVoidProblem(method) is { } asyncVoid)
        {
            problems.Add(asyncVoid);
        }

        var parameters = method.GetParameters();
        var shapeOk = parameters.Length switch
        {
            0 => true,
            1 => parameters[0].ParameterType == typeof(StressContext) || parameters[0].ParameterType == typeof(CancellationToken),
            2 => parameters[0].ParameterType == typeof(StressContext) && parameters[1].ParameterType == typeof(CancellationToken),
            _ => false,
        };
        if (!shapeOk)
        {
            var shape = string.Join(", ", parameters.Select(p => p.ParameterType.Name));
            problems.Add($"its parameters ({shape}) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)");
        }
    }

    /// <summary>Matched by name: the attribute the compiler puts on every async method (attribute data, no user code).</summary>
    private static bool IsAsync(MethodInfo method) =>
        method.GetCustomAttributesData().Any(a => a.AttributeType.FullName == AsyncStateMachineAttributeName);
}

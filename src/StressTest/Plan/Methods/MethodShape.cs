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
    /// <summary>Adds what is wrong with <paramref name="method"/>'s return type and parameters to <paramref name="problems"/>.</summary>
    public static void Check(MethodInfo method, List<string> problems)
    {
        var returnType = method.ReturnType;
        if (returnType != typeof(void) && returnType != typeof(Task) && returnType != typeof(ValueTask))
        {
            problems.Add($"it returns {returnType.Name}; expected void, Task or ValueTask");
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
}

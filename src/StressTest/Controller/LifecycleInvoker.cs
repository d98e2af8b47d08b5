// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Errors;

namespace StressTest.Controller;

/// <summary>Runs a class's <c>[StressSetup]</c> and <c>[StressTeardown]</c> (found and checked by the plan).</summary>
internal static class LifecycleInvoker
{
    /// <summary>Runs <paramref name="method"/>; a failure becomes a problem naming <paramref name="label"/>.</summary>
    /// <returns>False when the method threw.</returns>
    public static async Task<bool> TryRunAsync(MethodInfo method, string label, RunDiagnostics diagnostics, CancellationToken cancellationToken, StressSetupContext? setup = null)
    {
        try
        {
            await InvokeAsync(method, cancellationToken, setup).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            diagnostics.Problem($"{label} {method.DeclaringType?.Name}.{method.Name} threw {ErrorText.Describe(ex)}");
            return false;
        }
    }

    /// <summary>Runs a lifecycle method and awaits it; the method's own exception propagates unwrapped.</summary>
    public static async Task InvokeAsync(MethodInfo method, CancellationToken cancellationToken, StressSetupContext? setup = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType == typeof(StressSetupContext) ? setup ?? new StressSetupContext() : (object)cancellationToken)
            .ToArray();
        object? result;
        try
        {
            result = method.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                break;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                break;
        }
    }
}

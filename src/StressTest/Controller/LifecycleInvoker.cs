// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Errors;

namespace StressTest.Controller;

/// <summary>
/// Runs the user's code the controller waits for: <c>[StressSetup]</c> and <c>[StressTeardown]</c> (found and checked
/// by the plan), and around them what setup handed over (feeders readied and disposed), dependency readers and probes'
/// <c>Dispose</c>. Each is bounded by the run's <c>LifecycleTimeout</c> and <c>ShutdownGrace</c> (<see cref="UserCode"/>):
/// whatever it does, it cannot hang the run. The bounds are wall time whatever the run's clock: lifecycle code runs in
/// wall time, and a fake clock that moves only when a test moves it must neither time it out nor wait for it forever.
/// </summary>
internal static class LifecycleInvoker
{
    /// <summary>Runs <paramref name="method"/>, bounded; a failure becomes a problem naming <paramref name="label"/>.</summary>
    /// <returns>False when the method threw, timed out or was abandoned (or honoured a cancelled run).</returns>
    public static async Task<bool> TryRunAsync(MethodInfo method, string label, RunScope run, CancellationToken cancellationToken, StressSetupContext? setup = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        return await TryAsync($"{label} {method.DeclaringType?.Name}.{method.Name}", token => new ValueTask(InvokeAsync(method, token, setup)), run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs any of the user's code, bounded; a failure becomes a problem naming <paramref name="label"/>.</summary>
    /// <returns>False when it threw, timed out or was abandoned (or honoured a cancelled run).</returns>
    /// <param name="label">What runs, as the message names it.</param>
    /// <param name="code">The user's code.</param>
    /// <param name="run">The run: its limits and diagnostics.</param>
    /// <param name="cancellationToken">The run's cancellation, or none for cleanup.</param>
    /// <param name="threw">What joins the label and an exception in the message.</param>
    public static async Task<bool> TryAsync(string label, Func<CancellationToken, ValueTask> code, RunScope run, CancellationToken cancellationToken, string threw = " threw ")
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = run.Plan.Settings;
        var result = await UserCode.RunAsync(code, settings.LifecycleTimeout, settings.ShutdownGrace, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (UserCodeText.Problem(label, result, settings.LifecycleTimeout, settings.ShutdownGrace, threw) is { } problem)
        {
            run.Diagnostics.Problem(problem);
        }

        return result.Succeeded;
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
            case null when method.ReturnType == typeof(Task):
                throw new InvalidOperationException("it returned null instead of a Task (return Task.CompletedTask, or make it async)");
        }
    }
}

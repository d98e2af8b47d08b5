// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Workers.Binding;

namespace StressTest.Workers;

/// <summary>
/// Runs a worker's <c>[StressWorkerSetup]</c> and <c>[StressWorkerTeardown]</c> in its slot: outside any invocation
/// (the slot's requests are not measured meanwhile), with failures reported to the run, never thrown. A failed setup
/// keeps the load from starting; a failed teardown fails the test beside its verdict. The same message from many
/// workers is reported once.
/// </summary>
internal static class SlotLifecycle
{
    /// <summary>Closed model, on the worker's own thread. False when it threw (reported as a start failure).</summary>
    public static bool SetUp(MethodBinding binding, object? instance, InvocationSlot slot) =>
        binding.Lifecycle.Setup is null || Wait(SetUpAsync(binding, instance, slot));

    /// <summary>Open model: every slot, up to <paramref name="parallel"/> at a time, asynchronously (a blocked pool
    /// thread per slot could starve the API under test that the setups call). False when any threw.</summary>
    public static async Task<bool> SetUpAllAsync(MethodBinding binding, object?[] instances, InvocationSlot[] slots, int parallel)
    {
        if (binding.Lifecycle.Setup is null)
        {
            return true;
        }

        var failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel };
        await Parallel.ForEachAsync(Enumerable.Range(0, slots.Length), options, async (i, _) =>
        {
            if (Volatile.Read(ref failed) == 0 && !await SetUpAsync(binding, instances[i], slots[i]).ConfigureAwait(false))
            {
                Interlocked.Exchange(ref failed, 1); // no point logging 999 more workers in after the first failed
            }
        }).ConfigureAwait(false);
        return failed == 0;
    }

    public static void TearDown(MethodBinding binding, object? instance, InvocationSlot? slot)
    {
        if (binding.Lifecycle.Teardown is not null && slot is not null)
        {
            Wait(TearDownAsync(binding, instance, slot));
        }
    }

    /// <summary>Open model, after the load: every slot not still in flight, up to <paramref name="parallel"/> at a time.</summary>
    public static Task TearDownAllAsync(MethodBinding binding, object?[] instances, InvocationSlot[] slots, int parallel) =>
        binding.Lifecycle.Teardown is null
            ? Task.CompletedTask
            : Parallel.ForEachAsync(
                Enumerable.Range(0, slots.Length).Where(i => !slots[i].IsInFlight),
                new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (i, _) => await TearDownAsync(binding, instances[i], slots[i]).ConfigureAwait(false));

    private static async Task<bool> SetUpAsync(MethodBinding binding, object? instance, InvocationSlot slot)
    {
        var run = slot.Run;
        var method = binding.Lifecycle.Setup!;
        var label = $"[StressWorkerSetup] {method.ReflectedType?.Name}.{method.Name}";
        slot.EnterLifecycle(run.SetupToken);
        run.EnterPhase(slot.Context.WorkerId, label);
        try
        {
            await binding.Lifecycle.SetUpAsync(instance, slot.Context, run.SetupToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            run.ReportStartFailure(ex is OperationCanceledException && run.SetupToken.IsCancellationRequested
                ? run.Cancellation.IsCancellationRequested
                    ? $"{label} was cancelled: the run was cancelled."
                    : $"{label} did not finish within LifecycleTimeout ({run.Load.LifecycleTimeout.TotalSeconds:0.###} s) and was cancelled; raise the StressTest.LifecycleTimeout setting if it needs longer."
                : $"{label} threw {ErrorText.Describe(ex)}");
            return false;
        }
        finally
        {
            run.LeavePhase(slot.Context.WorkerId);
            slot.LeaveLifecycle();
        }
    }

    private static async Task<bool> TearDownAsync(MethodBinding binding, object? instance, InvocationSlot slot)
    {
        var run = slot.Run;
        var method = binding.Lifecycle.Teardown!;
        var label = $"[StressWorkerTeardown] {method.ReflectedType?.Name}.{method.Name}";
        slot.EnterLifecycle(run.TeardownToken);
        run.EnterPhase(slot.Context.WorkerId, label);
        try
        {
            await binding.Lifecycle.TearDownAsync(instance, slot.Context, run.TeardownToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !run.TeardownToken.IsCancellationRequested)
        {
            run.ReportProblemOnce($"{label} threw {ErrorText.Describe(ex)}");
            return false;
        }
        catch (OperationCanceledException)
        {
            // Cancelled because the teardowns outlived LifecycleTimeout: the agent reports that, once.
            return false;
        }
        finally
        {
            run.LeavePhase(slot.Context.WorkerId);
            slot.LeaveLifecycle();
        }
    }

    /// <summary>Disposes a worker's (or slot's) instance, tracked as a phase of the user's code so a hang is named.</summary>
    public static void Dispose(LoadRun run, int worker, object? instance, string owner)
    {
        if (instance is not (IDisposable or IAsyncDisposable))
        {
            return;
        }

        run.EnterPhase(worker, $"Dispose of {instance.GetType().Name}");
        try
        {
            run.Diagnostics.Dispose(instance, owner);
        }
        finally
        {
            run.LeavePhase(worker);
        }
    }

    /// <summary>A dedicated worker thread waits for its own setup or teardown; one that completed synchronously costs nothing.</summary>
    private static bool Wait(Task<bool> task) => task.GetAwaiter().GetResult();
}

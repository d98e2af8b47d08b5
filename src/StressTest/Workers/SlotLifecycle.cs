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
        slot.EnterLifecycle(run.Cancellation);
        try
        {
            await binding.Lifecycle.SetUpAsync(instance, slot.Context, run.Cancellation).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            run.ReportStartFailure(run.Cancellation.IsCancellationRequested && ex is OperationCanceledException
                ? $"[StressWorkerSetup] {method.ReflectedType?.Name}.{method.Name} was cancelled: the run was cancelled."
                : $"[StressWorkerSetup] {method.ReflectedType?.Name}.{method.Name} threw {ErrorText.Describe(ex)}");
            return false;
        }
        finally
        {
            slot.LeaveLifecycle();
        }
    }

    private static async Task<bool> TearDownAsync(MethodBinding binding, object? instance, InvocationSlot slot)
    {
        var method = binding.Lifecycle.Teardown!;
        slot.EnterLifecycle(CancellationToken.None);
        try
        {
            await binding.Lifecycle.TearDownAsync(instance, slot.Context).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            slot.Run.ReportProblemOnce($"[StressWorkerTeardown] {method.ReflectedType?.Name}.{method.Name} threw {ErrorText.Describe(ex)}");
            return false;
        }
        finally
        {
            slot.LeaveLifecycle();
        }
    }

    /// <summary>A dedicated worker thread waits for its own setup or teardown; one that completed synchronously costs nothing.</summary>
    private static bool Wait(Task<bool> task) => task.GetAwaiter().GetResult();
}

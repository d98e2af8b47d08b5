// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Controller;

/// <summary>What setup handed to the run: readied before the load, disposed after teardown; each value bounded like
/// any of the user's code (<see cref="LifecycleInvoker"/>).</summary>
internal static class SetupData
{
    /// <summary>Readies every value that reads ahead (feeders load their first window), so a missing file or an
    /// empty source fails the setup, before any load, instead of the first invocations.</summary>
    /// <returns>False when one could not be readied (the problem names it).</returns>
    public static async Task<bool> PrepareAsync(RunData data, RunScope run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ready = true;
        foreach (var value in data.Prepared)
        {
            ready &= await LifecycleInvoker.TryAsync($"[StressSetup] {value.Description}", value.PrepareAsync, run, cancellationToken, threw: ": ").ConfigureAwait(false);
        }

        return ready;
    }

    /// <summary>Disposes what the run owns, newest first; a failure or a hang is a problem of the run, never a crash.</summary>
    public static async Task DisposeAsync(RunData data, RunScope run)
    {
        ArgumentNullException.ThrowIfNull(data);
        var owned = data.Owned;
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            var value = owned[i];
            await LifecycleInvoker.TryAsync(
                $"Disposing the run's {value.GetType().Name} (handed over by StressSetupContext.Set)",
                _ => value is IAsyncDisposable asyncDisposable ? asyncDisposable.DisposeAsync() : Dispose((IDisposable)value),
                run,
                CancellationToken.None,
                threw: " failed: ").ConfigureAwait(false);
        }

        data.ReleaseOwned();
    }

    private static ValueTask Dispose(IDisposable value)
    {
        value.Dispose();
        return default;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest.Controller;

/// <summary>What setup handed to the run: readied before the load, disposed after teardown.</summary>
internal static class SetupData
{
    /// <summary>Readies every value that reads ahead (feeders load their first window), so a missing file or an
    /// empty source fails the setup, before any load, instead of the first invocations.</summary>
    /// <returns>False when one could not be readied (the problem names it).</returns>
    public static async Task<bool> PrepareAsync(RunData data, RunDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ready = true;
        foreach (var value in data.Prepared)
        {
            try
            {
                await value.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                diagnostics.Problem($"[StressSetup] {value.Description}: {ErrorText.Describe(ex)}");
                ready = false;
            }
        }

        return ready;
    }

    /// <summary>Disposes what the run owns, newest first; a failure is a problem of the run, never a crash.</summary>
    public static async Task DisposeAsync(RunData data, RunDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var owned = data.Owned;
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            var value = owned[i];
            try
            {
                if (value is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    ((IDisposable)value).Dispose();
                }
            }
            catch (Exception ex)
            {
                diagnostics.Problem($"Disposing the run's {value.GetType().Name} (handed over by StressSetupContext.Set) failed: {ErrorText.Describe(ex)}");
            }
        }

        data.ReleaseOwned();
    }
}

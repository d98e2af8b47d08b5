// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest.Workers;

/// <summary>Disposes a test-class instance (or a probe) after the load; a failure becomes a problem of the run, never
/// a crash.</summary>
internal static class InstanceLifetime
{
    public static void Dispose(object? instance, LoadRun run, string owner)
    {
        ArgumentNullException.ThrowIfNull(run);
        Dispose(instance, run.ReportProblem, owner);
    }

    public static void Dispose(object? instance, Action<string> reportProblem, string owner)
    {
        ArgumentNullException.ThrowIfNull(reportProblem);
        try
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            reportProblem($"Disposing {owner}'s {instance!.GetType().Name} failed: {ErrorText.Describe(ex)}");
        }
    }
}

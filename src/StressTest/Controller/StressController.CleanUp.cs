// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation;
using StressTest.Monitoring.Probes;

namespace StressTest.Controller;

/// <content>After the load, whatever happened: every step is the user's code, bounded, and a step that fails or hangs
/// does not keep the next from running.</content>
internal sealed partial class StressController
{
    private static async Task<IReadOnlyList<DependencyCounters>> CleanUpAsync(RunScope run, StressSetupContext setupContext, ProbeSampler probes)
    {
        // Before teardown, which typically stops the dependency: its counters are read while it still exists.
        IReadOnlyList<DependencyCounters> dependencies = [];
        if (setupContext.Dependencies.Count > 0)
        {
            await LifecycleInvoker.TryAsync(
                "Reading the dependencies' counters (StressSetupContext.ReportDependency)",
                _ =>
                {
                    dependencies = DependencyCounters.ReadAll(setupContext, run.Diagnostics);
                    return default;
                },
                run,
                CancellationToken.None).ConfigureAwait(false);
        }

        if (!probes.IsEmpty)
        {
            await LifecycleInvoker.TryAsync(
                "Disposing the probes (IStressProbe)",
                _ =>
                {
                    probes.DisposeProbes(run.Diagnostics);
                    return default;
                },
                run,
                CancellationToken.None).ConfigureAwait(false);
        }

        if (run.Plan.Lifecycle.Teardown is { } teardown)
        {
            // Teardown runs whatever happened, and is not handed the run's cancelled token: cleaning up is the point.
            // Its own token is cancelled only when it outlives LifecycleTimeout.
            await LifecycleInvoker.TryRunAsync(teardown, "[StressTeardown]", run, CancellationToken.None, setupContext).ConfigureAwait(false);
        }

        // After teardown, which may still use them (a connection, the API host): what setup handed over is the run's.
        await SetupData.DisposeAsync(setupContext.Data, run).ConfigureAwait(false);
        return dependencies;
    }
}

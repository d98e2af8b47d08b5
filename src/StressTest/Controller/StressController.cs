// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Data;
using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Evaluation.Baselines;
using StressTest.Monitoring.Probes;
using StressTest.Plan;
using StressTest.Transport;

namespace StressTest.Controller;

/// <summary>
/// Runs one validated plan: setup, the load through a load agent, teardown (always), then the one verdict
/// (<see cref="RunJudge"/>). It never throws for anything the user's code does, and waits for none of it without a
/// bound (<see cref="LifecycleInvoker"/>); every failure becomes part of the result. The facets:
/// <c>StressController.Load.cs</c> drives the agent and aggregates what it sends; <c>StressController.CleanUp.cs</c>
/// reads the dependencies, disposes the probes, runs teardown and disposes what setup handed over.
/// </summary>
internal sealed partial class StressController
{
    private readonly TimeProvider _time;
    private readonly Func<StressSetupContext, ILoadAgent> _agents;
    private readonly Func<RunProgress, ValueTask>? _onInterval;

    /// <param name="time">The run's clock.</param>
    /// <param name="agents">The agent of a run, given that run's setup context (an in-process agent takes what setup
    /// handed over from it; a remote one would not need it).</param>
    /// <param name="onInterval">Called after each interval with the run so far (progress lines, partial reports).</param>
    public StressController(TimeProvider time, Func<StressSetupContext, ILoadAgent> agents, Func<RunProgress, ValueTask>? onInterval = null)
    {
        _time = time;
        _agents = agents;
        _onInterval = onInterval;
    }

    /// <summary>Whether the verdict warns of an unoptimised (Debug) test assembly or engine; set by runners.</summary>
    public bool CheckBuild { get; init; }

    /// <summary>Runs <paramref name="plan"/> once.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the load; teardown still runs.</param>
    /// <param name="gate">The test's regression gate, when it has relative thresholds and a runner opened one.</param>
    /// <param name="cancelReason">Asked, when the run was cancelled, what cancelled it (a signal); may return null.</param>
    public async Task<StressRunResult> RunAsync(StressPlan plan, string runId, CancellationToken cancellationToken, RegressionGate? gate = null, Func<string?>? cancelReason = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = new RunScope(plan, runId, _time.GetUtcNow(), new RunDiagnostics());
        var started = _time.GetTimestamp();

        // Relative data files (feeders) resolve against the test assembly's folder for this run's whole flow.
        DataFiles.UseBaseDirectory(Path.GetDirectoryName(plan.Method.TestClass.Assembly.Location));

        // Setup sees the base address the load will use when the settings give one, so it seeds that server.
        var configured = BaseAddressResolver.Configured(plan, run.Diagnostics, out var configuredOk);
        var setupContext = new StressSetupContext(runId) { BaseAddress = configured };
        var setupFailed = plan.Lifecycle.Setup is { } setup
            && !await LifecycleInvoker.TryRunAsync(setup, "[StressSetup]", run, cancellationToken, setupContext).ConfigureAwait(false);
        if (!setupFailed)
        {
            // Feeders read their first window now: a missing file or an empty source fails the setup, not the load.
            setupFailed = !await SetupData.PrepareAsync(setupContext.Data, run, cancellationToken).ConfigureAwait(false);
        }

        // A setup that skips the test: no load, teardown still runs, the result is Skipped with its reason.
        var skipped = !setupFailed && setupContext.SkipReason is not null;
        setupFailed |= skipped;

        // Only when asked for: the diagnostics libraries are not even loaded otherwise (between setup and load every
        // millisecond counts for a cancel that arrives there).
        var api = setupFailed ? ApiTarget.None : ApiTarget.Resolve(plan.Settings.Observability, _time, run.Diagnostics);
        var allProbes = api.Probe is null ? setupContext.Probes : [.. setupContext.Probes, api.Probe];
        var probeProblems = setupFailed ? [] : ProbeThresholds.Problems(plan.Thresholds, allProbes);
        foreach (var problem in probeProblems)
        {
            run.Diagnostics.Problem(problem);
        }

        if (api.Problem is { } apiProblem)
        {
            run.Diagnostics.Problem(apiProblem);
        }

        var ready = !setupFailed && configuredOk && probeProblems.Count == 0 && api.Problem is null;
        var http = ready ? BaseAddressResolver.Settings(plan, setupContext, configured, run.Diagnostics) : null;
        var probes = new ProbeSampler(_time, allProbes);

        // Before the load, while an API started by setup still listens.
        var apiInfo = api.Describe(http?.BaseAddress);
        DateTimeOffset? loadStartedAt = null;
        RunMeasurements? measurements = null;
        if (http is not null && !cancellationToken.IsCancellationRequested)
        {
            loadStartedAt = _time.GetUtcNow();
            measurements = await RunLoadAsync(run, http, setupContext, probes, cancellationToken).ConfigureAwait(false);
        }

        var dependencies = await CleanUpAsync(run, setupContext, probes).ConfigureAwait(false);
        var cancelled = cancellationToken.IsCancellationRequested || measurements?.Cancelled == true;
        var verdict = RunJudge.Decide(
            plan,
            measurements,
            run.Diagnostics.Problems,
            run.Diagnostics.Warnings,
            cancelled,
            skipped ? setupContext.SkipReason : null,
            gate,
            cancelled ? cancelReason?.Invoke() : null,
            CheckBuild);
        return new StressRunResult(plan, runId, run.StartedAt, measurements, verdict, _time.GetElapsedTime(started))
        {
            LoadStartedAt = loadStartedAt,
            Dependencies = dependencies,
            Api = apiInfo,
        };
    }
}

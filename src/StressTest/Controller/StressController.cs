// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Threading.Channels;
using StressTest.Aggregation;
using StressTest.Data;
using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Monitoring.Api;
using StressTest.Monitoring.Probes;
using StressTest.Monitoring.Telemetry;
using StressTest.Plan;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Http;

namespace StressTest.Controller;

/// <summary>
/// Runs one validated plan: setup, the load through an <see cref="ILoadAgent"/>, teardown (always), then the
/// verdict. It never throws for anything the user's code does; every failure becomes part of the result.
/// </summary>
internal sealed class StressController
{
    /// <summary>Environment variable giving StressContext.Http's base address when the BaseUrl setting does not.</summary>
    public const string BaseUrlVariable = "STRESSTEST_BASEURL";

    private readonly TimeProvider _time;
    private readonly ILoadAgent _agent;
    private readonly Func<RunProgress, ValueTask>? _onInterval;

    /// <param name="time">The clock.</param>
    /// <param name="agent">Runs the load.</param>
    /// <param name="onInterval">Called after every interval of telemetry (progress lines, the report rewritten while
    /// the test runs); its exceptions are the caller's and end the run's telemetry loop, so it must not throw.</param>
    public StressController(TimeProvider time, ILoadAgent agent, Func<RunProgress, ValueTask>? onInterval = null)
    {
        _time = time;
        _agent = agent;
        _onInterval = onInterval;
    }

    public async Task<StressRunResult> RunAsync(StressPlan plan, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var problems = new List<string>();
        var warnings = new List<string>();
        RunMeasurements? measurements = null;

        // Relative data files (feeders) resolve against the test assembly's folder for this run's whole flow.
        DataFiles.UseBaseDirectory(Path.GetDirectoryName(plan.MethodRef.AssemblyPath));
        var setupFailed = false;
        var setupContext = new StressSetupContext(runId);
        if (plan.Lifecycle.Setup is { } setup)
        {
            setupFailed = !await TryRunLifecycleAsync(setup, "[StressSetup]", problems, cancellationToken, setupContext).ConfigureAwait(false);
        }

        if (!setupFailed)
        {
            // Feeders read their first window now: a missing file or an empty source fails the setup, not the load.
            var before = problems.Count;
            await setupContext.Data.PrepareAsync(problems, cancellationToken).ConfigureAwait(false);
            setupFailed = problems.Count > before;
        }

        // Only when asked for: the diagnostics libraries are not even loaded otherwise (between setup and load every
        // millisecond counts for a cancel that arrives there).
        // A setup that skips the test: no load, teardown still runs, the result is Skipped with its reason.
        var skipped = !setupFailed && setupContext.SkipReason is not null;
        setupFailed |= skipped;
        var (targetProbe, targetProblem) = setupFailed || !plan.Settings.Observability.HasTarget ? (null, null) : TargetProbe(plan.Settings.Observability, warnings);
        var allProbes = targetProbe is null ? setupContext.Probes : [.. setupContext.Probes, targetProbe];
        var probeProblems = setupFailed ? [] : ProbeThresholds.Problems(plan.Thresholds, allProbes);
        problems.AddRange(probeProblems);
        if (targetProblem is not null)
        {
            problems.Add(targetProblem);
        }

        var http = setupFailed || probeProblems.Count > 0 || targetProblem is not null ? null : HttpFor(plan, setupContext, problems);
        var probes = new ProbeSampler(_time, allProbes);
        // Before the load, while an API started by setup still listens.
        var target = targetProbe is not null
            ? new ApiInfo(targetProbe.ProcessId, targetProbe.ProcessName, targetProbe.ProcessId == Environment.ProcessId, targetProbe.IsDotNet)
            : http?.BaseAddress is { IsLoopback: true } local && EmbeddedHost.ListensOn(local.Port)
                ? new ApiInfo(Environment.ProcessId, "test process", InTestProcess: true, DotNet: true)
                : ApiInfo.Unknown;
        DateTimeOffset? loadStartedAt = null;
        if (http is not null && !cancellationToken.IsCancellationRequested)
        {
            loadStartedAt = _time.GetUtcNow();
            measurements = await RunLoadAsync(plan, runId, startedAt, http, setupContext.Data, probes, problems, warnings, cancellationToken).ConfigureAwait(false);
        }

        // Before teardown, which typically stops the dependency: its counters are read while it still exists.
        var dependencies = DependencyCounters.ReadAll(setupContext, problems);
        probes.DisposeProbes(problems);

        if (plan.Lifecycle.Teardown is { } teardown)
        {
            // Teardown runs whatever happened, and is not handed the cancelled token: cleaning up is the point.
            await TryRunLifecycleAsync(teardown, "[StressTeardown]", problems, CancellationToken.None, setupContext).ConfigureAwait(false);
        }

        // After teardown, which may still use them (a connection, the API host): what setup handed over is the run's.
        await setupContext.Data.DisposeAsync(problems).ConfigureAwait(false);

        var cancelled = cancellationToken.IsCancellationRequested || measurements?.Cancelled == true;
        var thresholds = measurements is null || cancelled
            ? []
            : ThresholdEvaluator.Evaluate(plan.Thresholds, measurements);
        RunOutcome outcome;
        if (cancelled)
        {
            outcome = RunOutcome.Cancelled;
        }
        else if (skipped && problems.Count == 0)
        {
            outcome = RunOutcome.Skipped; // a teardown that failed still fails a skipped test
        }
        else
        {
            outcome = problems.Count == 0 && measurements is not null && thresholds.All(t => t.Passed) ? RunOutcome.Passed : RunOutcome.Failed;
        }

        if (measurements?.Generator.Warning is { } saturated)
        {
            warnings.Add(saturated);
        }

        return new StressRunResult(plan, runId, startedAt, outcome, measurements, thresholds, problems, _time.GetElapsedTime(started))
        {
            LoadStartedAt = loadStartedAt,
            Dependencies = dependencies,
            Warnings = warnings,
            Target = target,
            SkipReason = skipped ? setupContext.SkipReason : null,
        };
    }

    /// <summary>The probe of the API's process when the settings name one; a problem when it cannot be found. A
    /// process that is not .NET (or refuses EventPipe) is still sampled, without runtime counters, and says so.</summary>
    private (ApiProcessProbe? Probe, string? Problem) TargetProbe(ObservabilitySettings settings, List<string> warnings)
    {
        var (process, problem) = ApiProcess.Resolve(settings);
        if (process is null)
        {
            return (null, problem);
        }

        var (runtime, why) = RuntimeCounters.TryStart(process.Id);
        if (runtime is null)
        {
            warnings.Add($"The API's process {process.Id} ({process.ProcessName}) is sampled without .NET runtime counters: {why}.");
        }

        return (new ApiProcessProbe(process, _time, runtime), null);
    }

    /// <summary>The base address, in order: the BaseUrl setting, the STRESSTEST_BASEURL environment variable, what setup
    /// set. Null (and a problem) when the one that applies is not an absolute http(s) address.</summary>
    private static HttpOptions? HttpFor(StressPlan plan, StressSetupContext setup, List<string> problems)
    {
        var settings = plan.Settings;
        Uri? baseAddress = settings.BaseUrl;
        if (baseAddress is null && Environment.GetEnvironmentVariable(BaseUrlVariable) is { Length: > 0 } fromEnvironment)
        {
            if (!HttpAddress.TryParse(fromEnvironment, out baseAddress, out var problem))
            {
                problems.Add($"Environment variable {BaseUrlVariable} = \"{fromEnvironment}\" is invalid: {problem}");
                return null;
            }
        }

        if (baseAddress is null && setup.BaseAddress is { } fromSetup)
        {
            if (!HttpAddress.Check(fromSetup, out baseAddress, out var problem))
            {
                problems.Add($"[StressSetup] set StressSetupContext.BaseAddress = \"{fromSetup}\", which is invalid: {problem}");
                return null;
            }
        }

        return new HttpOptions(baseAddress, settings.AllowedHosts)
        {
            AcceptStatus = plan.AcceptStatus,
            Configure = setup.HttpConfiguration,
        };
    }

    private async Task<RunMeasurements?> RunLoadAsync(StressPlan plan, string runId, DateTimeOffset startedAt, HttpOptions http, RunData data, ProbeSampler probes, List<string> problems, List<string> warnings, CancellationToken cancellationToken)
    {
        var observability = plan.Settings.Observability;
        var assignment = new WorkAssignment(runId, plan.MethodRef, plan.Load, FirstWorkerId: 0, WorkerCount: plan.Load.Model == LoadModel.Open ? plan.Load.MaxConcurrency : plan.Load.Concurrency)
        {
            Http = http,
            Data = data,
            Test = plan.FullyQualifiedName,
            TraceSampleRate = observability.TraceSampleRate,
        };
        var export = observability.ExportRequested ? OtlpExport.Start(observability, runId, plan.FullyQualifiedName) : null;
        if (export is null && observability.ExportRequested && OtlpExport.VariableProblem() is { } exportWarning)
        {
            warnings.Add(exportWarning);
        }

        try
        {
            return await RunAgentAsync(plan, runId, startedAt, assignment, probes, problems, warnings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            export?.Dispose(); // flushes the last spans and metrics before the verdict, at most the export timeout
            if (export?.Warning is { } failed)
            {
                warnings.Add(failed);
            }
        }
    }

    private async Task<RunMeasurements?> RunAgentAsync(StressPlan plan, string runId, DateTimeOffset startedAt, WorkAssignment assignment, ProbeSampler probes, List<string> problems, List<string> warnings, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<TelemetryMessage>(new UnboundedChannelOptions { SingleReader = true });
        var aggregator = new RunAggregator();
        var metrics = new IntervalMetrics(plan.FullyQualifiedName);
        var agentRun = _agent.RunAsync(assignment, channel.Writer, cancellationToken);
        await foreach (var message in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            aggregator.Apply(message);
            if (message is IntervalTelemetry interval)
            {
                metrics.Publish(interval, aggregator.TotalCount);
                probes.SampleSecond(interval.Index);
            }

            if (_onInterval is not null && message is IntervalTelemetry)
            {
                var soFar = new StressRunResult(plan, runId, startedAt, RunOutcome.Running, aggregator.Snapshot(), [], [.. problems], _time.GetUtcNow() - startedAt);
                await _onInterval(new RunProgress(soFar, aggregator.TakeWindow)).ConfigureAwait(false);
            }
        }

        try
        {
            await agentRun.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            problems.Add($"The load agent failed: {ErrorText.Describe(ex)}");
        }

        var (probeSeries, probeFailures) = await probes.CompleteAsync().ConfigureAwait(false);
        warnings.AddRange(probeFailures.Select(f => f.Describe()));
        aggregator.AddProbes(probeSeries);
        if (aggregator.Failures.Count > 0)
        {
            problems.AddRange(aggregator.Failures);
            return null;
        }

        var measurements = aggregator.Complete();
        problems.AddRange(measurements.Problems);
        if (measurements.Stuck > 0)
        {
            // Counted as errors too, but a hung method that ignores its token leaves a thread behind whatever
            // error rate the test tolerates: that alone fails the test.
            problems.Add($"{measurements.Stuck} invocation(s) were still running {plan.Load.ShutdownGrace.TotalSeconds:0.###} s after the load ended and were abandoned: the method does not return and ignores its CancellationToken.");
        }

        return measurements;
    }

    private static async Task<bool> TryRunLifecycleAsync(System.Reflection.MethodInfo method, string label, List<string> problems, CancellationToken cancellationToken, StressSetupContext? setup = null)
    {
        try
        {
            await LifecycleMethods.InvokeAsync(method, cancellationToken, setup).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            problems.Add($"{label} {method.DeclaringType?.Name}.{method.Name} threw {ErrorText.Describe(ex)}");
            return false;
        }
    }
}

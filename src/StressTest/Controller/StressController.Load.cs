// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Threading.Channels;
using StressTest.Aggregation;
using StressTest.Errors;
using StressTest.Evaluation;
using StressTest.Monitoring.Probes;
using StressTest.Monitoring.Telemetry;
using StressTest.Transport.Contracts;

namespace StressTest.Controller;

/// <content>The load: one agent, its telemetry aggregated as it arrives, probes sampled beside it.</content>
internal sealed partial class StressController
{
    private async Task<RunMeasurements?> RunLoadAsync(RunScope run, HttpSettings http, StressSetupContext setup, ProbeSampler probes, CancellationToken cancellationToken)
    {
        var observability = run.Plan.Settings.Observability;
        var export = observability.ExportRequested ? OtlpExport.Start(observability, run.RunId, run.Plan.FullyQualifiedName) : null;
        if (export is null && observability.ExportRequested && OtlpExport.VariableProblem() is { } exportWarning)
        {
            run.Diagnostics.Warning(exportWarning);
        }

        try
        {
            return await RunAgentAsync(run, Assignments.For(run.Plan, run.RunId, http), setup, probes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            export?.Dispose(); // flushes the last spans and metrics before the verdict, at most the export timeout
            if (export?.Warning is { } failed)
            {
                run.Diagnostics.Warning(failed);
            }
        }
    }

    private async Task<RunMeasurements?> RunAgentAsync(RunScope run, WorkAssignment assignment, StressSetupContext setup, ProbeSampler probes, CancellationToken cancellationToken)
    {
        var plan = run.Plan;
        var channel = Channel.CreateUnbounded<TelemetryMessage>(new UnboundedChannelOptions { SingleReader = true });
        var aggregator = new RunAggregator();
        var metrics = new IntervalMetrics(plan.FullyQualifiedName);
        if (_onInterval is not null)
        {
            // A first "running" report before the load: on disk from the start, and the report's code (its builder and
            // serializer, a few hundred methods) is compiled now, during the warm-up, instead of in the first measured
            // second, where it cost a dip in throughput (docs/benchmarks.md).
            await _onInterval(new RunProgress(Snapshot(aggregator), aggregator.TakeWindow)).ConfigureAwait(false);
        }

        var agentRun = _agents(setup).RunAsync(assignment, channel.Writer, cancellationToken);
        var rehearsal = new RunAggregator();
        await foreach (var message in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (message is IntervalTelemetry { WarmUp: true } warmUp)
            {
                // The automatic warm-up's rehearsal of the per-second work: merged and reported aside, never counted.
                rehearsal.Apply(warmUp);
                if (_onInterval is not null)
                {
                    await _onInterval(new RunProgress(Snapshot(rehearsal), rehearsal.TakeWindow) { Rehearsal = true }).ConfigureAwait(false);
                }

                continue;
            }

            aggregator.Apply(message);
            if (message is not IntervalTelemetry interval)
            {
                continue;
            }

            metrics.Publish(interval, aggregator.TotalCount);
            probes.SampleSecond(interval.Index);
            if (_onInterval is not null)
            {
                await _onInterval(new RunProgress(Snapshot(aggregator), aggregator.TakeWindow)).ConfigureAwait(false);
            }
        }

        StressRunResult Snapshot(RunAggregator of) =>
            new(plan, run.RunId, run.StartedAt, of.Snapshot(), Verdict.Running(run.Diagnostics.Problems), _time.GetUtcNow() - run.StartedAt);

        try
        {
            await agentRun.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            run.Diagnostics.Problem($"The load agent failed: {ErrorText.Describe(ex)}");
        }

        var (probeSeries, probeFailures) = await probes.CompleteAsync().ConfigureAwait(false);
        foreach (var failure in probeFailures)
        {
            run.Diagnostics.Warning(failure.Describe());
        }

        aggregator.AddProbes(probeSeries);
        if (aggregator.Failures.Count > 0)
        {
            foreach (var failure in aggregator.Failures)
            {
                run.Diagnostics.Problem(failure);
            }

            return null;
        }

        var measurements = aggregator.Complete();
        foreach (var problem in measurements.Problems)
        {
            run.Diagnostics.Problem(problem);
        }

        if (measurements.Stuck > 0)
        {
            // Counted as errors too, but a hung method that ignores its token leaves a thread behind whatever
            // error rate the test tolerates: that alone fails the test.
            var cause = measurements.Starvation is null
                ? "the method does not return and ignores its CancellationToken."
                : "they were waiting for a thread of the starved thread pool (see the warning), or the method ignores its CancellationToken.";
            run.Diagnostics.Problem($"{measurements.Stuck} invocation(s) were still running {plan.Load.ShutdownGrace.TotalSeconds:0.###} s after the load ended, and still after their CancellationToken was then cancelled, so they were abandoned: {cause}");
        }

        return measurements;
    }
}

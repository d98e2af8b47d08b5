// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Evaluation.Baselines;
using StressTest.Monitoring.Generator;
using StressTest.Plan;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Transport;

namespace StressTest.Reports;

/// <summary>
/// Builds the <see cref="StressReport"/> of a run result, once: from the plan, the measurements and the verdict. It
/// decides nothing; every outcome, message and comparison comes from the verdict as it is.
/// </summary>
internal static class ReportBuilder
{
    public static StressReport Build(StressRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Verdict;
        var plan = result.Plan;
        var m = result.Measurements;
        var latency = m?.Summary ?? LatencySummary.Empty;
        var probes = m is { Probes.Count: > 0 } ? ReportProbe.BySecond(m.Probes) : null;
        return new StressReport
        {
            Test = plan.FullyQualifiedName,
            DisplayName = plan.DisplayName,
            Outcome = OutcomeText(result.Outcome),
            Message = verdict.Message.Length == 0 ? null : verdict.Message,
            RunId = result.RunId,
            StartedAt = result.StartedAt,
            DurationSeconds = m?.Measured.TotalSeconds ?? 0,
            Plan = Plan(plan) with
            {
                WarmUpSeconds = m?.AutoWarmUp is { } auto ? Math.Round(auto.TotalSeconds, 3) : null,
                WarmUpNote = m?.AutoWarmUpNote,
            },
            Count = m?.Count ?? 0,
            Errors = m?.Errors ?? 0,
            ErrorRate = m?.ErrorRate ?? 0,
            Dropped = m?.Dropped ?? 0,
            DroppedRate = m?.DroppedRate ?? 0,
            Stuck = m?.Stuck ?? 0,
            Rps = m?.Rps ?? 0,
            LatencyMeasuredFrom = plan.Load.IsScheduled ? "intendedStart" : "actualStart",
            LatencyMs = Latency(latency),
            ServiceTimeMs = Latency(m?.ServiceTime is { } service ? LatencySummary.From(service) : LatencySummary.Empty),
            StartLatenessMs = Latency(m?.Lateness is { } lateness ? LatencySummary.From(lateness) : LatencySummary.Empty),
            Thresholds = result.Thresholds
                .Select(t => new ReportThreshold(t.Threshold.Step, t.Problem, t.Threshold.Source, t.Threshold.Metric.Name, ComparisonOperatorExtensions.Symbol(t.Threshold.Operator), t.Threshold.Limit, N(t.Actual), t.Passed, t.IsDefault)
                {
                    ActualText = t.ActualText,
                })
                .ToList(),
            ChecksRate = m is null ? null : N(m.ChecksRate),
            ErrorsByType = m?.ErrorsByKind.Select(e => new ReportError(e.Kind, e.Category, e.Count, Seconds(e.FirstAt), Seconds(e.LastAt), e.FirstMessage)).ToList() ?? [],
            Endpoints = m?.Endpoints.Select(e => new ReportEndpoint(
                e.Name,
                e.Count,
                e.Errors,
                e.StatusCodes.ToDictionary(c => c.Key.ToString(CultureInfo.InvariantCulture), c => c.Value),
                Latency(e.Summary),
                e.BytesIn,
                e.BytesOut)).ToList() ?? [],
            Steps = m?.Steps.Select(s => new ReportStep(s.Name, s.Count, s.Errors, Latency(s.Summary))).ToList() ?? [],
            Checks = m?.Checks.Select(c => new ReportCheck(c.Name, c.IsAssertion ? null : c.Passed, c.Failed, c.IsAssertion)).ToList() ?? [],
            Series = m?.Series
                .Select(s => new ReportSecond(s.Index, s.StartSeconds, s.EndSeconds, s.Count, s.Errors, s.Rps, s.Target, s.Dropped, s.InFlight, N(s.Latency.P50), N(s.Latency.P90), N(s.Latency.P95), N(s.Latency.P99), N(s.Latency.Max))
                {
                    Min = N(s.Latency.Min), Mean = N(s.Latency.Mean), P75 = N(s.Latency.P75), P99_9 = N(s.Latency.P999),
                    Generator = ReportHealth.From(s.Health),
                    Probes = probes is null ? null : probes.GetValueOrDefault(s.Index) ?? [],
                })
                .ToList() ?? [],
            Problems = result.Problems,
            Dependencies = result.Dependencies.Select(d => new ReportDependency(d.Name, new OrderedDictionary<string, long>(d.Counters.DistinctBy(c => c.Key)))).ToList(),
            Environment = CurrentEnvironment with { DebugAssemblies = BuildCheck.DebugAssemblies(plan.Method.TestClass.Assembly) },
            Profile = plan.Settings.Gates.Profile,
            Latency = m?.Latency,
            ServiceTime = plan.Load.IsScheduled ? m?.ServiceTime : null,
            Intervals = m?.IntervalHistograms ?? [],
            MeasuredFrom = result.LoadStartedAt + WarmUp(plan, m),
            Window = result.LoadStartedAt is { } loadStart && m is not null ? new ReportWindow(loadStart + WarmUp(plan, m), loadStart + WarmUp(plan, m) + m.Measured) : null,
            Generator = m is null ? null : ReportLoadGenerator.From(m.Generator),
            Warnings = result.Warnings,
            Probes = m?.Probes.Select(ReportProbe.From).ToList() ?? [],
            Api = new ReportApi(result.Api.ProcessId, result.Api.ProcessName, result.Api.InTestProcess, result.Api.DotNet),
            Comparisons = [.. verdict.Gate.Comparisons.Select(Comparison)],
            Baseline = verdict.Gate.Baseline is { } baseline ? new ReportBaseline(baseline.Path, baseline.Status, baseline.RunId, baseline.StartedAt, baseline.Warnings) : null,
            Host = result.Outcome == RunOutcome.Running ? ReportHost.Current : null,

            // The whole run's histogram, exact, for a later run's regression gate; a progress snapshot goes without.
            LatencyHistogram = m is not null && result.Outcome != RunOutcome.Running ? Convert.ToBase64String(HistogramCodec.Encode(m.Latency)) : null,
        };
    }

    public static ReportEnvironment CurrentEnvironment { get; } = new(
        MachineInfo.Current.Machine,
        MachineInfo.Current.Os,
        MachineInfo.Current.Cores,
        MachineInfo.Current.Runtime,
        MachineInfo.Current.ToolVersion)
    {
        Cpu = MachineInfo.Current.Cpu,
    };

    /// <summary>The warm-up that ran before the measured window: as written, or as long as the automatic one took.</summary>
    private static TimeSpan WarmUp(StressPlan plan, RunMeasurements? m) =>
        plan.Load.AutoWarmUp ? m?.AutoWarmUp ?? TimeSpan.Zero : plan.Load.WarmUp;

    /// <summary>The JSON's <c>outcome</c>: <c>passed</c>, <c>failed</c>…</summary>
    public static string OutcomeText(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static ReportPlan Plan(StressPlan plan)
    {
        var d = LoadDescription.Of(plan.Load);
        return new ReportPlan(d.Model, d.Concurrency, d.Rate, d.MaxConcurrency, d.Arrivals, d.Pacing, d.Stages, d.WarmUp, d.Duration, d.Timeout, plan.Settings.DurationScale)
        {
            RateScale = plan.Settings.Gates.RateScale,
        };
    }

    private static ReportComparison Comparison(Comparison c) => new(
        c.Threshold.Source,
        c.Threshold.Metric.Name,
        c.Threshold.Operator.Symbol(),
        c.VerdictText,
        c.Passed,
        Finite(c.Baseline),
        Finite(c.Limit),
        Finite(c.Actual),
        Finite(c.Change),
        Finite(c.ChangeLow),
        Finite(c.ChangeHigh),
        c.ChangeUnit,
        c.BaselineSeconds,
        c.CurrentSeconds,
        c.Note);

    private static double? Finite(double value) => double.IsInfinity(value) ? null : N(value);

    private static ReportLatency Latency(LatencySummary l) =>
        new(N(l.Min), N(l.Mean), N(l.P50), N(l.P75), N(l.P90), N(l.P95), N(l.P99), N(l.P999), N(l.Max));

    private static double? N(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    private static double Seconds(TimeSpan offset) => Math.Round(offset.TotalSeconds, 3);
}

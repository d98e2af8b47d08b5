// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Load;
using StressTest.Plan;
using StressTest.Plan.Rules;
using StressTest.Reports.Tables;

namespace StressTest.Runner;

/// <summary>
/// The summary a test result writes to standard output: the load, the counts, the percentiles, steps, endpoints and
/// dependencies, and each threshold passed or failed. The error message is the verdict's own (Evaluation).
/// </summary>
internal static class ResultText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Summary(StressRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Plan;
        var text = new StringBuilder();
        text.Append(Invariant, $"{plan.DisplayName}: {result.Outcome.ToString().ToLowerInvariant()} ({Describe(plan.Load)}, ");
        var warmUp = plan.Load.AutoWarmUp
            ? LoadDescription.WarmUpText(LoadReader.AutoWarmUpText, result.Measurements?.AutoWarmUp?.TotalSeconds)
            : string.Create(Invariant, $"{plan.Load.WarmUp.TotalSeconds:0.###} s");
        text.Append(Invariant, $"warm-up {warmUp}, measured {result.Measurements?.Measured.TotalSeconds ?? 0:0.###} s)").AppendLine();
        if (result.Measurements is not { } m)
        {
            return text.Append("  no load ran").AppendLine().ToString();
        }

        text.Append(Invariant, $"  count {m.Count:N0}  rps {m.Rps:N1}  errors {m.Errors:N0} ({m.ErrorRate * 100:0.###} %)");
        if (plan.Load.Model == LoadModel.Open)
        {
            text.Append(Invariant, $"  dropped {m.Dropped:N0} ({m.DroppedRate * 100:0.###} %)");
        }

        if (m.Stuck > 0)
        {
            text.Append(Invariant, $"  stuck {m.Stuck:N0}");
        }

        text.AppendLine();
        foreach (var note in m.Notes)
        {
            text.Append("  note  ").Append(note).AppendLine();
        }

        var scheduled = plan.Load.IsScheduled;
        AppendPercentiles(text, scheduled ? "latency ms (from intended start)" : "latency ms", m.Summary);
        if (scheduled && m.ServiceTime is { } service)
        {
            AppendPercentiles(text, "service time ms (from actual start)", LatencySummary.From(service));
        }

        DetailText.Append(text, m);
        DetailText.AppendDependencies(text, result.Dependencies);
        foreach (var threshold in result.Thresholds)
        {
            text.Append(threshold.Passed ? "  pass  " : "  FAIL  ").Append(threshold.Describe()).AppendLine();
        }

        foreach (var error in m.ErrorsByKind.Take(5))
        {
            text.Append(Invariant, $"  error {error.Kind} ×{error.Count:N0}: {error.FirstMessage}").AppendLine();
        }

        return text.ToString();
    }

    private static void AppendPercentiles(StringBuilder text, string label, LatencySummary l) =>
        text.Append(Invariant, $"  {label}  p50 {ReportNumbers.Ms(l.P50)}  p90 {ReportNumbers.Ms(l.P90)}  p95 {ReportNumbers.Ms(l.P95)}  p99 {ReportNumbers.Ms(l.P99)}  p99.9 {ReportNumbers.Ms(l.P999)}  max {ReportNumbers.Ms(l.Max)}").AppendLine();

    private static string Describe(LoadProfile load)
    {
        var staged = load.Stages.Count > 0 ? ", ramping " + load.Stages.Count.ToString(Invariant) + " stage(s)" : string.Empty;
        if (load.Model == LoadModel.Open)
        {
            var rate = load.Stages.Count > 0 ? "up to " + load.Stages.Max(s => s.Target).ToString("0.##", Invariant) : load.Rate.ToString("0.##", Invariant);
            return $"open model, {rate}/s {load.Arrivals.ToString().ToLowerInvariant()}, at most {load.MaxConcurrency.ToString("N0", Invariant)} in flight{staged}";
        }

        var pacing = load.Pacing > TimeSpan.Zero ? ", paced every " + DurationParser.Format(load.Pacing) : string.Empty;
        return $"closed model, {load.Concurrency.ToString(Invariant)} worker(s){pacing}{staged}";
    }
}

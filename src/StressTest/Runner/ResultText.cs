// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Load;
using StressTest.Plan;

namespace StressTest.Runner;

/// <summary>
/// The two texts a test result carries: the error message (why it failed, one line per reason, measured and
/// expected values side by side) and the compact summary written to standard output.
/// </summary>
internal static class ResultText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Empty when the test passed.</summary>
    /// <param name="result">The run, with its final outcome.</param>
    /// <param name="regressed">The regression gate failed a relative threshold (its lines follow this message): the
    /// load itself did not pass, whatever the absolute thresholds say.</param>
    public static string FailureMessage(StressRunResult result, bool regressed = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        if (result.Outcome == RunOutcome.Cancelled)
        {
            var measured = result.Measurements?.Measured.TotalSeconds ?? 0;
            lines.Add(string.Create(Invariant, $"Cancelled after {measured:0.0} s of {result.Plan.Load.Duration.TotalSeconds:0.0} s measured; thresholds were not evaluated. What was measured is attached."));
        }

        lines.AddRange(result.Problems);
        lines.AddRange(result.Thresholds.Where(t => !t.Passed).Select(t => t.Describe()));
        if (result.Outcome == RunOutcome.Failed && !regressed && result.Problems.Count > 0 && result.Thresholds.Count > 0 && result.Thresholds.All(t => t.Passed))
        {
            // A cleanup failure fails the test; the load's own verdict must stay visible beside it.
            lines.Add(string.Create(Invariant, $"The load itself passed: all {result.Thresholds.Count} threshold(s) held."));
        }

        if (result.Outcome != RunOutcome.Passed)
        {
            lines.AddRange(result.Measurements?.Notes ?? []);
        }

        if (result.Measurements is { Errors: > 0 } m && result.Outcome != RunOutcome.Passed)
        {
            var kinds = m.ErrorsByKind.Take(3).Select(e => string.Create(Invariant, $"{e.Kind} ×{e.Count:N0}: {e.FirstMessage}"));
            lines.Add(string.Create(Invariant, $"Errors ({m.Errors:N0} of {m.Count:N0}): ") + string.Join("; ", kinds));
        }

        return string.Join(Environment.NewLine, lines);
    }

    public static string Summary(StressRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Plan;
        var text = new StringBuilder();
        text.Append(Invariant, $"{plan.DisplayName}: {result.Outcome.ToString().ToLowerInvariant()} ({Describe(plan.Load)}, ");
        text.Append(Invariant, $"warm-up {plan.Load.WarmUp.TotalSeconds:0.###} s, measured {result.Measurements?.Measured.TotalSeconds ?? 0:0.###} s)").AppendLine();
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
        text.Append(Invariant, $"  {label}  p50 {Ms(l.P50)}  p90 {Ms(l.P90)}  p95 {Ms(l.P95)}  p99 {Ms(l.P99)}  p99.9 {Ms(l.P999)}  max {Ms(l.Max)}").AppendLine();

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

    /// <summary>Milliseconds as the summary prints them: 3 decimals below 10 ms, 1 above; n/a when unmeasured.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.###" : "0.#", Invariant);
}

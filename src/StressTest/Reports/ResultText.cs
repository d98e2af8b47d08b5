// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Controller;

namespace StressTest.Reports;

/// <summary>
/// The two texts a test result carries: the error message (why it failed, one line per reason, measured and
/// expected values side by side) and the compact summary written to standard output.
/// </summary>
internal static class ResultText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Empty when the test passed.</summary>
    public static string FailureMessage(StressRunResult result)
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
        text.Append(Invariant, $"{plan.DisplayName}: {result.Outcome.ToString().ToLowerInvariant()} ({plan.Load.Concurrency} worker(s), closed model, ");
        text.Append(Invariant, $"warm-up {plan.Load.WarmUp.TotalSeconds:0.###} s, measured {result.Measurements?.Measured.TotalSeconds ?? 0:0.###} s)").AppendLine();
        if (result.Measurements is not { } m)
        {
            return text.Append("  no load ran").AppendLine().ToString();
        }

        text.Append(Invariant, $"  count {m.Count:N0}  rps {m.Rps:N1}  errors {m.Errors:N0} ({m.ErrorRate * 100:0.###} %)");
        if (m.Stuck > 0)
        {
            text.Append(Invariant, $"  stuck {m.Stuck:N0}");
        }

        text.AppendLine();
        var l = m.Summary;
        text.Append(Invariant, $"  latency ms  p50 {F(l.P50)}  p90 {F(l.P90)}  p95 {F(l.P95)}  p99 {F(l.P99)}  p99.9 {F(l.P999)}  max {F(l.Max)}").AppendLine();
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

    private static string F(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.###" : "0.#", Invariant);
}

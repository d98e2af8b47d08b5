// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;

namespace StressTest.Evaluation.Baselines;

/// <summary>What the regression gate adds to a run's result: its comparisons, the outcome they lead to, the lines of
/// the failure message and of the summary, and the warnings a runner shows even at minimal verbosity.</summary>
/// <param name="Outcome">The run's outcome after the comparisons (a regression fails a passing run).</param>
/// <param name="Comparisons">One per relative threshold; empty when none were judged.</param>
/// <param name="Baseline">The baseline used or recorded; null when the gate had nothing to do.</param>
/// <param name="Warnings">No baseline, inconclusive comparisons, another machine or load.</param>
internal sealed record GateJudgement(RunOutcome Outcome, IReadOnlyList<Comparison> Comparisons, BaselineUse? Baseline, IReadOnlyList<string> Warnings)
{
    public static GateJudgement None(RunOutcome outcome) => new(outcome, [], null, []);

    /// <summary>The failed comparisons, one line each, for the failure message.</summary>
    public IEnumerable<string> FailureLines => Comparisons.Where(c => !c.Passed).Select(c => c.Describe());

    /// <summary>Lines for the summary: each comparison (pass, FAIL or warn) and each warning.</summary>
    public string SummaryLines()
    {
        var text = new StringBuilder();
        foreach (var comparison in Comparisons)
        {
            var mark = !comparison.Passed ? "FAIL" : comparison.Verdict is ComparisonVerdict.Inconclusive or ComparisonVerdict.NoBaseline ? "warn" : "pass";
            text.Append("  ").Append(mark).Append("  ").Append(comparison.Describe()).AppendLine();
        }

        foreach (var warning in Baseline?.Warnings ?? [])
        {
            text.Append("  warn  ").Append(warning).AppendLine();
        }

        return text.ToString();
    }
}

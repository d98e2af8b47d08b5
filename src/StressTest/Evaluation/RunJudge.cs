// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Evaluation.Baselines;
using StressTest.Monitoring.Generator;
using StressTest.Plan;

namespace StressTest.Evaluation;

/// <summary>
/// The one place a run's outcome is decided: the absolute thresholds (with the default error policy), the relative
/// ones against the baseline, the problems the run met, and what the generator and the probes warn of, into one
/// <see cref="Verdict"/>. Called once per run, after teardown (a failed teardown fails the test), before any report.
/// </summary>
internal static class RunJudge
{
    /// <param name="plan">The plan that ran.</param>
    /// <param name="measurements">What was measured; null when no load ran.</param>
    /// <param name="problems">What failed the run beyond its thresholds.</param>
    /// <param name="warnings">What the run warns of without failing (the generator's saturation is added here).</param>
    /// <param name="cancelled">True when the run was cancelled: nothing is judged then.</param>
    /// <param name="skipReason">Why setup skipped the test; null when it did not.</param>
    /// <param name="gate">The test's regression gate; null when the test has no baseline to compare with.</param>
    /// <param name="cancelReason">What cancelled the run when the runner knows (<c>Ctrl+C (SIGINT)</c>); null otherwise.</param>
    /// <param name="checkBuild">Whether an unoptimised (Debug) test assembly or engine gets its warning (runners ask;
    /// the engine's own tests, Debug builds that run the controller directly, do not).</param>
    public static Verdict Decide(
        StressPlan plan,
        RunMeasurements? measurements,
        IReadOnlyList<string> problems,
        IReadOnlyList<string> warnings,
        bool cancelled,
        string? skipReason = null,
        RegressionGate? gate = null,
        string? cancelReason = null,
        bool checkBuild = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(warnings);
        var thresholds = measurements is null || cancelled ? [] : ThresholdEvaluator.Evaluate(plan.Thresholds, measurements);
        RunOutcome outcome;
        if (cancelled)
        {
            outcome = RunOutcome.Cancelled;
        }
        else if (skipReason is not null && problems.Count == 0)
        {
            outcome = RunOutcome.Skipped; // a teardown that failed still fails a skipped test
        }
        else
        {
            outcome = problems.Count == 0 && measurements is not null && thresholds.All(t => t.Passed) ? RunOutcome.Passed : RunOutcome.Failed;
        }

        var judged = gate?.Judge(outcome, plan, measurements) ?? GateJudgement.None(outcome);
        // The warnings the message shows beside the outcome, not only the report: they say the numbers are not the API's
        // alone (a Debug build measures slower code; a generator short of CPU, threads or warmth, or a busy machine; a
        // thread pool the test's own code starved).
        var build = checkBuild && measurements is not null ? BuildCheck.Warning(plan.Method.TestClass.Assembly) : null;
        string[] shown = [.. new[] { build, measurements?.Generator.Warning, measurements?.Starvation?.Warning }.OfType<string>()];
        IReadOnlyList<string> allWarnings = [.. warnings, .. shown];
        return Verdict.Compose(judged.Outcome, thresholds, problems, allWarnings, measurements, plan.Load.Duration, judged, shown, cancelled ? cancelReason : null) with
        {
            SkipReason = skipReason,
        };
    }
}

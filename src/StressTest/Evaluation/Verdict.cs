// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Aggregation;
using StressTest.Evaluation.Baselines;

namespace StressTest.Evaluation;

/// <summary>
/// How a run ended and every reason for it, decided once (<see cref="RunJudge"/>) before any report exists. Reports,
/// the result message and the summary only render it; nothing changes it afterwards.
/// </summary>
/// <param name="Outcome">Passed, failed, cancelled, skipped (or running, for a progress snapshot).</param>
/// <param name="Thresholds">The absolute thresholds' results, the default error policy included; empty when no load
/// ran or the run was cancelled.</param>
/// <param name="Problems">What failed the test beyond thresholds: setup, teardown, workers, stuck invocations.</param>
/// <param name="Warnings">What the result carries without failing for it: a saturated generator, telemetry that could
/// not be exported, probes that failed.</param>
internal sealed record Verdict(RunOutcome Outcome, IReadOnlyList<ThresholdResult> Thresholds, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The relative thresholds' judgement against the baseline; none when the test has no relative threshold.</summary>
    public GateJudgement Gate { get; init; } = GateJudgement.None(RunOutcome.Passed);

    /// <summary>Why <c>[StressSetup]</c> skipped the test; null otherwise.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Why the run did not pass, one reason a line: problems, failed thresholds, notes and the errors seen.
    /// Empty for a passed run.</summary>
    public string FailureText { get; init; } = string.Empty;

    /// <summary>The result's message: <see cref="FailureText"/>, the failed comparisons with the baseline, and the
    /// generator's saturation and the thread pool's starvation, which are shown even beside a pass (numbers in that
    /// window describe the generator or the test's own blocking, not the API).</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>A run still in progress: its problems so far.</summary>
    public static Verdict Running(IReadOnlyList<string> problems) => new(RunOutcome.Running, [], problems, []);

    /// <summary>A verdict with its texts composed from its parts.</summary>
    public static Verdict Compose(
        RunOutcome outcome,
        IReadOnlyList<ThresholdResult> thresholds,
        IReadOnlyList<string> problems,
        IReadOnlyList<string> warnings,
        RunMeasurements? measurements,
        TimeSpan duration,
        GateJudgement? gate = null,
        IReadOnlyList<string>? shown = null,
        string? cancelReason = null)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(problems);
        gate ??= GateJudgement.None(outcome);
        var regressed = gate.FailureLines.Any();
        var failure = FailureLines(outcome, thresholds, problems, measurements, duration, regressed, cancelReason);

        // A run that failed on its numbers while the generator kept up says so: those numbers are the API's.
        var keptUp = outcome == RunOutcome.Failed && thresholds.Any(t => !t.Passed) ? measurements?.Generator.KeptUpNote : null;
        IEnumerable<string> beside = shown ?? [measurements?.Generator.Warning ?? string.Empty, measurements?.Starvation?.Warning ?? string.Empty];
        var message = string.Join(
            Environment.NewLine,
            gate.FailureLines.Prepend(failure).Append(keptUp ?? string.Empty).Concat(beside).Where(l => l.Length > 0));
        return new Verdict(outcome, thresholds, problems, warnings) { Gate = gate, FailureText = failure, Message = message };
    }

    private static string FailureLines(RunOutcome outcome, IReadOnlyList<ThresholdResult> thresholds, IReadOnlyList<string> problems, RunMeasurements? m, TimeSpan duration, bool regressed, string? cancelReason)
    {
        var lines = new List<string>();
        if (outcome == RunOutcome.Cancelled)
        {
            var measured = Math.Min(m?.Measured.TotalSeconds ?? 0, duration.TotalSeconds);
            var by = cancelReason is null ? string.Empty : "by " + cancelReason + " ";
            lines.Add(string.Create(Invariant, $"Cancelled {by}after {measured:0.0} s of {duration.TotalSeconds:0.0} s measured; thresholds were not evaluated. What was measured is attached."));
        }

        lines.AddRange(problems);
        lines.AddRange(thresholds.Where(t => !t.Passed).Select(t => t.Describe()));
        if (outcome == RunOutcome.Failed && !regressed && problems.Count > 0 && thresholds.Count > 0 && thresholds.All(t => t.Passed))
        {
            // A cleanup failure fails the test; the load's own verdict must stay visible beside it.
            lines.Add(string.Create(Invariant, $"The load itself passed: all {thresholds.Count} threshold(s) held."));
        }

        if (outcome != RunOutcome.Passed)
        {
            lines.AddRange(m?.Notes ?? []);
        }

        if (m is { Errors: > 0 } && outcome != RunOutcome.Passed)
        {
            var kinds = m.ErrorsByKind.Take(3).Select(e => string.Create(Invariant, $"{e.Kind} ×{e.Count:N0}: {e.FirstMessage}"));
            lines.Add(string.Create(Invariant, $"Errors ({m.Errors:N0} of {m.Count:N0}): ") + string.Join("; ", kinds));
        }

        return string.Join(Environment.NewLine, lines);
    }
}

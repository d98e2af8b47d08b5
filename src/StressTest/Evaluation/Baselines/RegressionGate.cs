// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Plan;
using StressTest.Plan.Settings;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation.Baselines;

/// <summary>
/// The regression gate of one test run: its relative thresholds, the baseline they compare with (read before the
/// load by whoever holds the file, so a corrupt, foreign or too new baseline fails the test before any load runs),
/// and the settings that say what a missing baseline means. It judges after the load, as part of the one verdict.
/// While recording (<c>UpdateBaselines</c>), relative thresholds are reported against the old baseline but do not
/// fail the test: the point of the run is to move the baseline.
/// </summary>
internal sealed class RegressionGate
{
    private readonly IReadOnlyList<Threshold> _relative;
    private readonly RunFigures? _baseline;
    private readonly string? _readProblem;

    /// <param name="settings">The run's gate settings.</param>
    /// <param name="path">The baseline file of the test, for messages (and for recording).</param>
    /// <param name="relative">The test's relative thresholds.</param>
    /// <param name="baseline">The baseline's figures; null when there is none.</param>
    /// <param name="readProblem">Why a baseline that exists could not be read (only while recording: otherwise that
    /// fails the test before the load).</param>
    public RegressionGate(GateSettings settings, string path, IReadOnlyList<Threshold> relative, RunFigures? baseline = null, string? readProblem = null)
    {
        Settings = settings;
        Path = path;
        _relative = relative;
        _baseline = baseline;
        _readProblem = readProblem;
    }

    /// <summary>The run's gate settings.</summary>
    public GateSettings Settings { get; }

    /// <summary>The baseline file of the test.</summary>
    public string Path { get; }

    /// <summary>The relative thresholds of <paramref name="plan"/>, the ones a baseline is needed for.</summary>
    public static IReadOnlyList<Threshold> RelativeThresholds(StressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Thresholds.Where(t => t.Relative is not null)];
    }

    /// <summary>Judges the relative thresholds of a run whose outcome so far is <paramref name="outcome"/>.</summary>
    public GateJudgement Judge(RunOutcome outcome, StressPlan plan, RunMeasurements? measurements)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (_relative.Count == 0 || measurements is null || outcome == RunOutcome.Cancelled)
        {
            return GateJudgement.None(outcome);
        }

        if (_baseline is null)
        {
            var note = _readProblem ?? $"no file {Path}; record one with StressTest.UpdateBaselines=true";
            var passes = Settings.UpdateBaselines || Settings.NoBaseline == NoBaselineOutcome.Warn;
            var missing = _relative.Select(t => BaselineComparer.Missing(t, passes, note)).ToList();
            var failed = !passes && outcome == RunOutcome.Passed ? RunOutcome.Failed : outcome;
            var warnings = passes && !Settings.UpdateBaselines
                ? [$"no baseline at {Path} for {_relative.Count} relative threshold(s); record one with StressTest.UpdateBaselines=true."]
                : Array.Empty<string>();
            return new GateJudgement(failed, missing, new BaselineUse(Path, "missing", null, null, []), warnings);
        }

        var current = RunFigures.Of(plan, measurements, outcome);
        var comparisons = BaselineComparer.Compare(_baseline, current, _relative);
        if (Settings.UpdateBaselines)
        {
            comparisons = [.. comparisons.Select(c => c with { Passed = true })];
        }

        var compatibility = RunCompatibility.Warnings(_baseline, current);
        var judged = outcome == RunOutcome.Passed && comparisons.Any(c => !c.Passed) ? RunOutcome.Failed : outcome;
        var inconclusive = comparisons.Where(c => c.Verdict == ComparisonVerdict.Inconclusive).Select(c => c.Describe());
        return new GateJudgement(
            judged,
            comparisons,
            new BaselineUse(Path, "compared", _baseline.RunId, _baseline.StartedAt, compatibility),
            [.. compatibility, .. inconclusive]);
    }
}

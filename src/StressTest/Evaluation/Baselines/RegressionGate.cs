// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan;
using StressTest.Plan.Settings;
using StressTest.Plan.Thresholds;
using StressTest.Reports;

namespace StressTest.Evaluation.Baselines;

/// <summary>
/// The regression gate of one test run, around the controller: opened before the load (a corrupt, foreign or too
/// new baseline fails the test before any load runs), it judges the relative thresholds after it, and with
/// <c>UpdateBaselines</c> records the run as the new baseline, only when the test passed: a failing run never
/// becomes the reference. While recording, relative thresholds are reported against the old baseline but do
/// not fail the test (the point of the run is to move the baseline).
/// </summary>
internal sealed class RegressionGate
{
    private readonly GateSettings _settings;
    private readonly IReadOnlyList<Threshold> _relative;
    private readonly StressReport? _baseline;
    private readonly string? _readProblem;

    private RegressionGate(GateSettings settings, string path, IReadOnlyList<Threshold> relative, StressReport? baseline, string? readProblem)
    {
        _settings = settings;
        Path = path;
        _relative = relative;
        _baseline = baseline;
        _readProblem = readProblem;
    }

    /// <summary>The test's baseline file (it may not exist).</summary>
    public string Path { get; }

    public static ParseResult<RegressionGate> Open(StressPlan plan, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var settings = plan.Settings.Gates;
        var path = BaselineLocation.FileFor(settings, assembly, plan.FullyQualifiedName);
        var relative = plan.Thresholds.Where(t => t.Relative is not null).ToList();
        if (relative.Count == 0 || !File.Exists(path))
        {
            return ParseResult<RegressionGate>.Success(new(settings, path, relative, null, null));
        }

        var read = BaselineFile.Read(path, plan.FullyQualifiedName);
        if (read.IsSuccess)
        {
            return ParseResult<RegressionGate>.Success(new(settings, path, relative, read.Value, null));
        }

        // A broken baseline is exactly what recording replaces; otherwise it stops the test before the load.
        return settings.UpdateBaselines
            ? ParseResult<RegressionGate>.Success(new(settings, path, relative, null, read.Error))
            : ParseResult<RegressionGate>.Failure(read.Error);
    }

    /// <summary>Judges the relative thresholds of a completed run (not of a cancelled one, nor one without load).</summary>
    public GateJudgement Judge(StressRunResult result, StressReport current)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(current);
        if (_relative.Count == 0 || result.Measurements is null || result.Outcome == RunOutcome.Cancelled)
        {
            return GateJudgement.None(result.Outcome);
        }

        if (_baseline is null)
        {
            var note = _readProblem ?? $"no file {Path}; record one with StressTest.UpdateBaselines=true";
            var passes = _settings.UpdateBaselines || _settings.NoBaseline == NoBaselineOutcome.Warn;
            var missing = _relative.Select(t => BaselineComparer.Missing(t, passes, note)).ToList();
            var failed = !passes && result.Outcome == RunOutcome.Passed ? RunOutcome.Failed : result.Outcome;
            var warnings = passes && !_settings.UpdateBaselines
                ? [$"no baseline at {Path} for {_relative.Count} relative threshold(s); record one with StressTest.UpdateBaselines=true."]
                : Array.Empty<string>();
            return new GateJudgement(failed, missing, new ReportBaseline(Path, "missing", null, null, []), warnings);
        }

        var comparisons = BaselineComparer.Compare(_baseline, current, _relative);
        if (_settings.UpdateBaselines)
        {
            comparisons = [.. comparisons.Select(c => c with { Passed = true })];
        }

        var compatibility = RunCompatibility.Warnings(_baseline, current);
        var outcome = result.Outcome == RunOutcome.Passed && comparisons.Any(c => !c.Passed) ? RunOutcome.Failed : result.Outcome;
        var inconclusive = comparisons.Where(c => c.Verdict == ComparisonVerdict.Inconclusive).Select(c => c.Describe());
        return new GateJudgement(
            outcome,
            comparisons,
            new ReportBaseline(Path, "compared", _baseline.RunId, _baseline.StartedAt, compatibility),
            [.. compatibility, .. inconclusive]);
    }

    /// <summary>With <c>UpdateBaselines</c>, writes the final report of a passed run as the baseline. Returns a line
    /// for the summary, or (in <c>Problem</c>) why the baseline could not be written, which fails the test.</summary>
    public async Task<(string? Line, string? Problem)> RecordAsync(StressReport report, RunOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_settings.UpdateBaselines)
        {
            return (null, null);
        }

        if (outcome != RunOutcome.Passed)
        {
            return ($"  baseline not updated: only a passing run becomes a baseline ({Path})", null);
        }

        try
        {
            await BaselineFile.WriteAsync(report, Path, cancellationToken).ConfigureAwait(false);
            return ($"  baseline recorded: {Path}", null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"Writing the baseline {Path} failed: {ex.Message}");
        }
    }
}

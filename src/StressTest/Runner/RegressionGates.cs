// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Evaluation;
using StressTest.Evaluation.Baselines;
using StressTest.Plan;
using StressTest.Plan.Rules;
using StressTest.Plan.Settings;
using StressTest.Reports;

namespace StressTest.Runner;

/// <summary>
/// The baseline files of the regression gate: read before the load (a corrupt, foreign or too new baseline, or a missing
/// one when <c>NoBaseline</c> is <c>fail</c>, fails the test before any load runs) and, with <c>UpdateBaselines</c>, written after it, only when the test passed: a failing
/// run never becomes the reference.
/// </summary>
internal static class RegressionGates
{
    /// <summary>The gate of <paramref name="plan"/>, with its baseline read when the test has relative thresholds.</summary>
    public static ParseResult<RegressionGate> Open(StressPlan plan, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var settings = plan.Settings.Gates;
        var path = BaselineLocation.FileFor(settings, assembly, plan.FullyQualifiedName);
        var relative = RegressionGate.RelativeThresholds(plan);
        if (relative.Count > 0 && !File.Exists(path) && settings.NoBaseline == NoBaselineOutcome.Fail && !settings.UpdateBaselines)
        {
            // Known before the load: a run that could only fail for its missing baseline does not run first.
            return ParseResult<RegressionGate>.Failure(
                $"Relative threshold(s) {string.Join(", ", relative.Select(t => t.Source))} have no baseline (no file {path}) and the NoBaseline setting is fail, so no load ran; "
                + "record one with StressTest.UpdateBaselines=true, or set StressTest.NoBaseline=warn.");
        }

        if (relative.Count == 0 || !File.Exists(path))
        {
            return ParseResult<RegressionGate>.Success(new(settings, path, relative));
        }

        var read = BaselineFile.Read(path, plan.FullyQualifiedName);
        if (read.IsSuccess)
        {
            return ParseResult<RegressionGate>.Success(new(settings, path, relative, ReportFigures.From(read.Value)));
        }

        // A broken baseline is exactly what recording replaces; otherwise it stops the test before the load.
        return settings.UpdateBaselines
            ? ParseResult<RegressionGate>.Success(new(settings, path, relative, null, read.Error))
            : ParseResult<RegressionGate>.Failure(read.Error);
    }

    /// <summary>Records <paramref name="report"/> as the new baseline when asked to and the run passed.</summary>
    /// <returns>A line for the summary, or a problem when the file could not be written.</returns>
    public static async Task<(string? Line, string? Problem)> RecordAsync(RegressionGate gate, StressReport report, RunOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(report);
        if (!gate.Settings.UpdateBaselines)
        {
            return (null, null);
        }

        if (outcome != RunOutcome.Passed)
        {
            return ($"  baseline not updated: only a passing run becomes a baseline ({gate.Path})", null);
        }

        try
        {
            await BaselineFile.WriteAsync(report, gate.Path, cancellationToken).ConfigureAwait(false);
            return ($"  baseline recorded: {gate.Path}", null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"Writing the baseline {gate.Path} failed: {ex.Message}");
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Reports;

namespace StressTest.Runner;

/// <summary>What a runner (the VSTest adapter today, the Testing Platform bridge later) needs to record one test:
/// the verdict, the message, the stdout summary and the report files to attach.</summary>
/// <param name="Outcome">The verdict; <see cref="RunOutcome.Failed"/> for a plan that did not validate.</param>
/// <param name="Message">Why it did not pass; empty when it passed.</param>
/// <param name="Summary">The compact summary for standard output.</param>
/// <param name="Files">Report files written, with descriptions.</param>
/// <param name="Elapsed">How long the test took.</param>
internal sealed record TestRunRecord(RunOutcome Outcome, string Message, string Summary, IReadOnlyList<ReportFile> Files, TimeSpan Elapsed)
{
    /// <summary>The headline numbers, for the table of all tests at the end of a run; null when no load ran.</summary>
    public RunMeasurements? Measurements { get; init; }

    /// <summary>What a runner shows as warnings even when the test passed: no baseline, an inconclusive comparison,
    /// a baseline from another machine.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Monitoring.Api;
using StressTest.Plan;

namespace StressTest.Evaluation;

/// <summary>Everything one stress test produced: the verdict, why, and what was measured.</summary>
/// <param name="Plan">The plan that ran.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="StartedAt">When setup started (UTC).</param>
/// <param name="Outcome">The verdict.</param>
/// <param name="Measurements">What was measured; null when no load ran (setup failed, workers could not start).</param>
/// <param name="Thresholds">Threshold results; empty when no load ran or the run was cancelled.</param>
/// <param name="Problems">Why it failed beyond thresholds: setup, teardown, worker start, stuck invocations.</param>
/// <param name="Elapsed">Wall time of setup, load and teardown.</param>
internal sealed record StressRunResult(
    StressPlan Plan,
    string RunId,
    DateTimeOffset StartedAt,
    RunOutcome Outcome,
    RunMeasurements? Measurements,
    IReadOnlyList<ThresholdResult> Thresholds,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed)
{
    /// <summary>When the load was started (UTC), warm-up included; null when no load ran. The measured window
    /// starts WarmUp later (within the milliseconds the agent takes to start its workers): the wall-clock anchor of
    /// the interval log's timestamps.</summary>
    public DateTimeOffset? LoadStartedAt { get; init; }

    /// <summary>What the test's dependencies reported (<see cref="StressSetupContext.ReportDependency"/>), in
    /// registration order; empty when none registered.</summary>
    public IReadOnlyList<DependencyCounters> Dependencies { get; init; } = [];
    /// <summary>What the result carries without failing for it: a saturated generator, telemetry that could not be
    /// exported, probes that failed, a target process that went away.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why <c>[StressSetup]</c> skipped the test (<c>StressSetupContext.Skip</c>); null otherwise.</summary>
    public string? SkipReason { get; init; }

    /// <summary>The API's process, as far as the run knows it.</summary>
    public ApiInfo Target { get; init; } = ApiInfo.Unknown;
}

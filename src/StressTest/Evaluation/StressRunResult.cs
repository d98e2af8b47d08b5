// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Monitoring.Api;
using StressTest.Plan;

namespace StressTest.Evaluation;

/// <summary>Everything one stress test produced: the plan, what was measured and the verdict on it.</summary>
/// <param name="Plan">The plan that ran.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="StartedAt">When setup started (UTC).</param>
/// <param name="Measurements">What was measured; null when no load ran (setup failed, workers could not start).</param>
/// <param name="Verdict">How it ended and why, decided once.</param>
/// <param name="Elapsed">Wall time of setup, load and teardown.</param>
internal sealed record StressRunResult(
    StressPlan Plan,
    string RunId,
    DateTimeOffset StartedAt,
    RunMeasurements? Measurements,
    Verdict Verdict,
    TimeSpan Elapsed)
{
    /// <summary>When the load was started (UTC), warm-up included; null when no load ran. The measured window
    /// starts WarmUp later (within the milliseconds the agent takes to start its workers): the wall-clock anchor of
    /// the interval log's timestamps.</summary>
    public DateTimeOffset? LoadStartedAt { get; init; }

    /// <summary>What the test's dependencies reported (<see cref="StressSetupContext.ReportDependency"/>), in
    /// registration order; empty when none registered.</summary>
    public IReadOnlyList<DependencyCounters> Dependencies { get; init; } = [];

    /// <summary>The API's process, as far as the run knows it.</summary>
    public ApiInfo Api { get; init; } = ApiInfo.Unknown;

    /// <summary>The verdict's outcome.</summary>
    public RunOutcome Outcome => Verdict.Outcome;

    /// <summary>The verdict's threshold results.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds => Verdict.Thresholds;

    /// <summary>The verdict's problems.</summary>
    public IReadOnlyList<string> Problems => Verdict.Problems;

    /// <summary>The verdict's warnings.</summary>
    public IReadOnlyList<string> Warnings => Verdict.Warnings;

    /// <summary>Why setup skipped the test; null otherwise.</summary>
    public string? SkipReason => Verdict.SkipReason;
}

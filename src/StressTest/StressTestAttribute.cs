// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Marks a method as a stress test: the test adapter discovers it, runs it under load for <see cref="Duration"/>
/// and gates the outcome on the method's <see cref="ThresholdAttribute"/>s.
/// </summary>
/// <remarks>
/// <para>The method must be public, on a public class, return <c>void</c>, <see cref="Task"/> or
/// <see cref="ValueTask"/>, and take no parameters, a <see cref="StressContext"/>, a
/// <see cref="CancellationToken"/>, or <c>(StressContext, CancellationToken)</c>. An instance method's class needs
/// a public parameterless constructor: every worker gets its own instance, created before the load and disposed
/// after it, so instance fields are per-worker state.</para>
/// <para>Durations are written as a number and a unit: <c>us</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>;
/// decimals and compounds are allowed (<c>"500ms"</c>, <c>"1.5m"</c>, <c>"1m30s"</c>).</para>
/// <para>When the method declares no <c>error_rate</c> threshold, <c>error_rate &lt;= 0%</c> applies: any error
/// fails the test.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class StressTestAttribute : Attribute
{
    /// <summary>How long the measured load runs, after <see cref="WarmUp"/>.</summary>
    /// <value>A duration such as <c>"30s"</c>; default <c>"10s"</c>. Scaled by the <c>DurationScale</c> setting.</value>
    public string Duration { get; set; } = "10s";

    /// <summary>How long the load runs before measuring starts. Warm-up invocations run but are excluded from
    /// statistics and thresholds. By default the warm-up is automatic: the same load runs until the load generator
    /// (this test process) is warm, its JIT quiet and its throughput settled, at most 30 s, and the result says how
    /// long it took (<c>warm-up auto, 2.1 s</c>); otherwise the first seconds of a short test would describe the .NET
    /// JIT of the test host rather than the API.</summary>
    /// <value>A duration such as <c>"5s"</c>; <c>"0s"</c> turns warm-up off; default <c>"auto"</c> (automatic, at most
    /// 30 s, on the real clock only). Scaled by <c>DurationScale</c>.</value>
    public string WarmUp { get; set; } = "auto";

    /// <summary>How many workers invoke the method back-to-back, each on its own thread (the closed model).</summary>
    /// <value>1 to 1,000 (each worker is a thread; for more in flight use <see cref="Rate"/> with <see cref="MaxConcurrency"/>); default 1. Excludes <see cref="Rate"/>.</value>
    public int Concurrency { get; set; } = 1;

    /// <summary>Invocations started per second on a fixed schedule, however long earlier ones take (the open model).
    /// Latency is measured from each invocation's intended start, so a stalled server cannot hide.</summary>
    /// <value>Greater than 0 (up to 1,000,000); unset by default (closed model). Excludes <see cref="Concurrency"/>.</value>
    public double Rate { get; set; }

    /// <summary>Open model: invocations allowed in flight at once. An arrival that finds them all busy is dropped and
    /// counted (<c>dropped</c>, <c>dropped_rate</c>), never silently delayed.</summary>
    /// <value>1 to 100,000; default 1,000.</value>
    public int MaxConcurrency { get; set; } = 1000;

    /// <summary>Open model: how arrivals are spread in time.</summary>
    /// <value>Default <see cref="StressTest.Arrivals.Uniform"/>; <see cref="StressTest.Arrivals.Poisson"/> is seeded by
    /// the <c>Seed</c> setting.</value>
    public Arrivals Arrivals { get; set; }

    /// <summary>Closed model: each worker starts an invocation every <see cref="Pacing"/> when it can; latency is then
    /// measured from the intended start (a late start counts against the invocation).</summary>
    /// <value>A duration such as <c>"100ms"</c>; unset by default (back-to-back). Needs <see cref="Concurrency"/> or
    /// <see cref="Stages"/>.</value>
    public string? Pacing { get; set; }

    /// <summary>Ramping load, replacing <see cref="Duration"/>: <c>"30s:100, 1m:100, 10s:0"</c> ramps linearly from
    /// the previous target to each target over each stage's duration, starting at 0 (with a WarmUp, the warm-up ramps
    /// from 0 to the first target). Targets are workers (closed model) or arrivals per second with
    /// <see cref="Model"/> = <see cref="LoadModel.Open"/>. A spike is a short stage: <c>"1s:1000"</c>.</summary>
    /// <value>Unset by default (constant load). Durations are scaled by <c>DurationScale</c>.</value>
    public string? Stages { get; set; }

    /// <summary>The load model. Setting <see cref="Rate"/> already chooses <see cref="LoadModel.Open"/>; set it
    /// explicitly only to ramp a rate with <see cref="Stages"/>.</summary>
    /// <value>Default <see cref="LoadModel.Closed"/>, or <see cref="LoadModel.Open"/> when <see cref="Rate"/> is set.</value>
    public LoadModel Model { get; set; }

    /// <summary>How long one invocation may run. A longer one counts as an error of kind <c>timeout</c> and its
    /// <see cref="CancellationToken"/> is cancelled.</summary>
    /// <value>A duration such as <c>"2s"</c>; default <c>"30s"</c>.</value>
    public string Timeout { get; set; } = "30s";

    /// <summary>HTTP status codes of <see cref="StressContext.Http"/> responses that are not errors, e.g. <c>"2xx, 404"</c>
    /// for a lookup test where "not found" is a valid answer. A response with any other code counts as an error of its
    /// endpoint and makes the invocation an error (kind <c>HTTP 503</c>) even when the method ignores the status.</summary>
    /// <value>A comma-separated list of codes (<c>404</c>), ranges (<c>200-299</c>) and classes (<c>2xx</c>); default
    /// <c>"2xx"</c>.</value>
    public string? AcceptStatus { get; set; }

    /// <summary>A category for filtering (<c>dotnet test --filter Category=Smoke</c>); shown as TestCategory in
    /// the TRX and as a trait in Test Explorer.</summary>
    /// <value>Optional; default none.</value>
    public string? Category { get; set; }

    /// <summary>The profiles this test runs in, e.g. <c>"nightly"</c> or <c>"nightly, soak"</c>: it runs only when the
    /// run's <c>Profile</c> setting is one of them, and is reported as skipped otherwise (also when the run has no
    /// profile). A test without Profiles runs in every profile.</summary>
    /// <value>Comma-separated profile names (letters, digits, '.', '-', '_'; case-insensitive); default none: every
    /// profile.</value>
    public string? Profiles { get; set; }

    /// <summary>The name shown in Test Explorer and reports.</summary>
    /// <value>Optional; default the method's name.</value>
    public string? DisplayName { get; set; }
}

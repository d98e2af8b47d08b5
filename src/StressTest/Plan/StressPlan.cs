// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Plan.Settings;

namespace StressTest.Plan;

/// <summary>
/// A validated, immutable plan for one stress test: what to invoke, the load (settings already applied),
/// the thresholds and the lifecycle methods. Only <see cref="PlanBuilder"/> creates one, so holding a plan
/// means every user input in it was checked.
/// </summary>
internal sealed record StressPlan(
    string FullyQualifiedName,
    string DisplayName,
    TestMethod Method,
    LifecycleMethods Lifecycle,
    LoadProfile Load,
    IReadOnlyList<Threshold> Thresholds,
    StressSettings Settings)
{
    /// <summary>HTTP status codes that are not errors.</summary>
    public StatusCodeSet AcceptStatus { get; init; } = StatusCodeSet.Default;

}

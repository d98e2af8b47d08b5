// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan;
using StressTest.Plan.Settings;
using StressTest.Workers;

namespace StressTest.Tests.TestSupport;

/// <summary>Runs plans through the real controller and in-process agent on a fake clock.</summary>
internal static class Runs
{
    public const string RunId = "test-run";

    /// <summary>Starts the run; the task is guarded by <see cref="TestClock.Guard"/> of real time.</summary>
    public static Task<StressRunResult> StartAsync(TestClock clock, StressPlan plan, CancellationToken cancellationToken = default) =>
        new StressController(clock, InProcessAgent.For(clock)).RunAsync(plan, RunId, cancellationToken).WaitAsync(TestClock.Guard);

    /// <summary>Builds and runs the plan of a target that advances <paramref name="clock"/> itself.</summary>
    public static Task<StressRunResult> RunAsync(TestClock clock, Type target, string method, StressSettings? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(clock, Plans.Build(target, method, settings), cancellationToken);
}

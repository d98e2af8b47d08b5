// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Targets;

/// <summary>
/// Stress tests that do nothing, one per supported return type: what a run of them costs is the engine's own
/// overhead per invocation. The engine benchmark overrides Duration, WarmUp and Concurrency per run.
/// </summary>
public static class NoopTargets
{
    /// <summary>The cheapest shape: compiled into a delegate that returns <c>default(ValueTask)</c>.</summary>
    [StressTest]
    public static void Noop()
    {
    }

    /// <summary>A completed <see cref="Task"/>, wrapped into a <see cref="ValueTask"/> by the compiled delegate.</summary>
    [StressTest]
    public static Task NoopTask() => Task.CompletedTask;

    /// <summary>A completed <see cref="ValueTask"/>, passed through as is.</summary>
    [StressTest]
    public static ValueTask NoopValueTask() => default;
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.TestSupport;

/// <summary>
/// What a stress-test target shares with its test: the clock it advances and what it saw. Each target class holds
/// its own probe in a static property that the test replaces first, so tests with different targets run in parallel.
/// </summary>
public sealed class TargetProbe
{
    private int _invocations;
    private int _setups;
    private int _teardowns;

    public TestClock Clock { get; } = new();

    /// <summary>Invocations the target started, warm-up included.</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    public int Setups => Volatile.Read(ref _setups);

    public int Teardowns => Volatile.Read(ref _teardowns);

    /// <summary>Counts one invocation and returns how many came before it.</summary>
    public int Hit() => Interlocked.Increment(ref _invocations) - 1;

    public void SetupRan() => Interlocked.Increment(ref _setups);

    public void TeardownRan() => Interlocked.Increment(ref _teardowns);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Marks a public static method that runs once before each stress test of its class (for example to start the
/// API under test or seed data). It may be synchronous or return <see cref="Task"/>/<see cref="ValueTask"/>, and
/// take no parameters, a <see cref="CancellationToken"/> (cancelled when the run is cancelled), a
/// <see cref="StressSetupContext"/> (to hand the run a base address), or both in that order.
/// </summary>
/// <remarks>If setup throws, the test fails with that exception, no load runs, and teardown still runs.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class StressSetupAttribute : Attribute
{
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Marks a public static method that runs once after each stress test of its class, whatever happened: method
/// errors, failed thresholds, a failed setup or cancellation. Same shapes as <see cref="StressSetupAttribute"/>.
/// </summary>
/// <remarks>A teardown failure is reported on the test result next to the run's own verdict; it never hides it.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class StressTeardownAttribute : Attribute
{
}

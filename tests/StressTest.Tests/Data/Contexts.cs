// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Tests.Data;

/// <summary>Worker contexts outside a run, for taking records from a feeder directly.</summary>
internal static class Contexts
{
    public static StressContext Worker(int workerId, int workerCount = 1) => new("data-run", workerId, workerCount);

    public static StressContext[] Workers(int count) => [.. Enumerable.Range(0, count).Select(w => Worker(w, count))];
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>The message of a PerWorker partition with no record.</summary>
internal static class PerWorkerPartition
{
    public static InvalidDataException Empty<T>(FeedSpec<T> spec, string records, int worker, int workers) =>
        new(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{spec.Description} has {records} record(s) for {workers:N0} workers, so worker {worker} gets none: PerWorker needs at least one record per worker (Concurrency, or MaxConcurrency in the open model)."));
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>Random over a source held whole: a per-worker generator, no shared write at all.</summary>
internal sealed class MemoryRandomCursor<T>(T[] items, int count, int seed) : FeedCursor<T>
{
    private readonly WorkerRandom _random = new(seed);

    public override T Take(StressContext context) => items[_random.Next(context, count)];

    public override ValueTask DisposeAsync() => default;
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>Circular over a source held whole: one shared counter, the record at counter mod count.</summary>
internal sealed class MemoryCircularCursor<T>(T[] items, int count) : FeedCursor<T>
{
    private long _next = -1;

    public override T Take(StressContext context) =>
        items[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)count)];

    public override ValueTask DisposeAsync() => default;
}

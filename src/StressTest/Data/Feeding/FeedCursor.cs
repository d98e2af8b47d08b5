// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>
/// How one feeder hands out records: one implementation per strategy and per size of source (held whole in memory,
/// or streamed), chosen once the first window is read (<see cref="FeedCursors"/>). The take is a virtual call
/// and then each implementation's own few instructions.
/// </summary>
internal abstract class FeedCursor<T> : IAsyncDisposable
{
    /// <summary>The next record for the invocation of <paramref name="context"/>; thread-safe.</summary>
    public abstract T Take(StressContext context);

    /// <summary>Closes what the cursor reads from.</summary>
    public abstract ValueTask DisposeAsync();
}

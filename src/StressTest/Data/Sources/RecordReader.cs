// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Sources;

/// <summary>One pass over a <see cref="RecordSource{T}"/>. Used by one thread at a time.</summary>
internal abstract class RecordReader<T> : IAsyncDisposable
{
    /// <summary>
    /// Fills <paramref name="buffer"/> with the next records and returns how many: fewer than its length only at the
    /// end of the pass (0 once it has ended). Throws <see cref="InvalidDataException"/> naming the file and line for
    /// a record that cannot be read.
    /// </summary>
    public abstract ValueTask<int> ReadAsync(T[] buffer, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

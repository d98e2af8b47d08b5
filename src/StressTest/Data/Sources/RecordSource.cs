// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Sources;

/// <summary>Where a feeder's records come from: something that can be read from the start, any number of times.</summary>
internal abstract class RecordSource<T>
{
    /// <summary>For messages: the file's full path, or the sequence's type.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// A new pass over the records from the first, returning only those whose 0-based index i has
    /// i % <paramref name="stride"/> == <paramref name="offset"/> (a PerWorker partition; 1 and 0 for all of them).
    /// </summary>
    public abstract RecordReader<T> Open(int stride, int offset);
}

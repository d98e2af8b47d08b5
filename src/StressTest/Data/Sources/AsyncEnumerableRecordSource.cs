// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Sources;

/// <summary>Records from an <see cref="IAsyncEnumerable{T}"/> or, through <c>ToAsyncEnumerable</c>, an
/// <see cref="IEnumerable{T}"/> (whose enumerator then completes every step synchronously), enumerated again for each
/// pass.</summary>
internal sealed class AsyncEnumerableRecordSource<T>(IAsyncEnumerable<T> records, string description) : RecordSource<T>
{
    public AsyncEnumerableRecordSource(IAsyncEnumerable<T> records)
        : this(records, $"IAsyncEnumerable<{typeof(T).Name}> ({records.GetType().Name})")
    {
    }

    public AsyncEnumerableRecordSource(IEnumerable<T> records)
        : this(records.ToAsyncEnumerable(), $"IEnumerable<{typeof(T).Name}> ({records.GetType().Name})")
    {
    }

    public override string Description => description;

    public override RecordReader<T> Open(int stride, int offset) => new Reader(records.GetAsyncEnumerator(), stride, offset);

    private sealed class Reader(IAsyncEnumerator<T> enumerator, int stride, int offset) : RecordReader<T>
    {
        private long _index = -1;

        public override async ValueTask<int> ReadAsync(T[] buffer, CancellationToken cancellationToken)
        {
            var count = 0;
            while (count < buffer.Length && await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                if (++_index % stride == offset)
                {
                    buffer[count++] = enumerator.Current;
                }
            }

            return count;
        }

        public override ValueTask DisposeAsync() => enumerator.DisposeAsync();
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data.Sources;

namespace StressTest.Data.Feeding;

/// <summary>
/// PerWorker over a streamed source: each worker reads its own pass over the source, keeping only its records
/// (k, k + N…; the CSV reader does not even convert the others), a small buffer at a time, and starts a new pass
/// at the end. Memory is a buffer per worker, however large the source; a shared read-ahead would have to keep every
/// window until the slowest worker passed it.
/// </summary>
internal sealed class StreamPerWorkerCursor<T>(FeedSpec<T> spec) : FeedCursor<T>
{
    private const int BufferSize = 256;

    private readonly Lock _gate = new();
    private readonly List<Partition> _opened = [];
    private Partition?[]? _partitions;
    private bool _disposed;

    public override T Take(StressContext context)
    {
        var partitions = Volatile.Read(ref _partitions) ?? Create(context);
        var worker = context.WorkerId;
        if ((uint)worker >= (uint)partitions.Length)
        {
            throw FeedSignals.Broken(context, new InvalidOperationException($"{spec.Description}: worker {worker} is outside the run's {partitions.Length} workers."));
        }

        // Only this worker touches its partition (see MemoryPerWorkerCursor for the open model's slots).
        var partition = partitions[worker] ??= Open(worker, context.WorkerCount);
        if (partition.Position == partition.Count)
        {
            Refill(partition, context);
        }

        return partition.Buffer[partition.Position++];
    }

    public override async ValueTask DisposeAsync()
    {
        Partition[] opened;
        lock (_gate)
        {
            _disposed = true;
            opened = [.. _opened];
        }

        foreach (var partition in opened)
        {
            if (partition.Reader is { } reader)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Partition?[] Create(StressContext context)
    {
        var created = new Partition?[Math.Max(context.WorkerCount, context.WorkerId + 1)];
        return Interlocked.CompareExchange(ref _partitions, created, null) ?? created;
    }

    private Partition Open(int worker, int workers)
    {
        var partition = new Partition(worker, workers);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _opened.Add(partition);
        }

        return partition;
    }

    /// <summary>Once per <see cref="BufferSize"/> records of the worker: reads on, or starts a new pass at the end.</summary>
    private void Refill(Partition partition, StressContext context)
    {
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                partition.Reader ??= spec.Source.Open(partition.Workers, partition.Worker);
                var read = partition.Reader.ReadAsync(partition.Buffer, CancellationToken.None);
                partition.Count = read.IsCompletedSuccessfully ? read.Result : read.AsTask().GetAwaiter().GetResult();
                partition.Position = 0;
                if (partition.Count > 0)
                {
                    partition.Taken += partition.Count;
                    return;
                }

                // The end of this worker's pass: start the next one (a fresh reader), once.
                partition.Reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                partition.Reader = null;
                if (partition.Taken == 0)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw FeedSignals.Broken(context, ex);
        }

        throw FeedSignals.Broken(context, PerWorkerPartition.Empty(spec, $"at most {partition.Worker}", partition.Worker, partition.Workers));
    }

    /// <summary>One worker's reader and buffer.</summary>
    private sealed class Partition(int worker, int workers)
    {
        public int Worker { get; } = worker;

        public int Workers { get; } = workers;

        public T[] Buffer { get; } = new T[BufferSize];

        public RecordReader<T>? Reader { get; set; }

        public int Count { get; set; }

        public int Position { get; set; }

        public long Taken { get; set; }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>PerWorker over a source held whole: worker k walks k, k + N, k + 2N… on its own position.</summary>
internal sealed class MemoryPerWorkerCursor<T>(FeedSpec<T> spec, T[] items, int count) : FeedCursor<T>
{
    private WorkerSlots? _positions;

    public override T Take(StressContext context)
    {
        var worker = context.WorkerId;
        var workers = context.WorkerCount;
        if (worker >= count)
        {
            throw FeedSignals.Broken(context, PerWorkerPartition.Empty(spec, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), worker, workers));
        }

        // The position is worker-local: in the open model a slot runs one invocation at a time, and handing the slot
        // to another thread goes through the pool's interlocked operations, which publish the write.
        ref var position = ref WorkerSlots.For(ref _positions, context, static w => w)[worker];
        var index = (int)position;
        var next = index + workers;
        position = next < count ? next : worker;
        return items[index];
    }

    public override ValueTask DisposeAsync() => default;
}

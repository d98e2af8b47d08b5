// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>
/// One <c>long</c> of state per worker, each on its own cache line: workers update their own slot on every take, and
/// two slots side by side would make every take of one worker invalidate the other's cache line (false sharing).
/// </summary>
internal sealed class WorkerSlots
{
    /// <summary>128 bytes apart: a cache line, and the adjacent-line prefetcher's pair of them.</summary>
    private const int Stride = 16;

    private readonly long[] _values;

    public WorkerSlots(int workers, Func<int, long> initial)
    {
        Count = workers;
        _values = new long[(workers + 1) * Stride];
        for (var w = 0; w < workers; w++)
        {
            _values[(w + 1) * Stride] = initial(w);
        }
    }

    public int Count { get; }

    /// <summary>Worker <paramref name="worker"/>'s value; only that worker reads and writes it.</summary>
    public ref long this[int worker] => ref _values[(worker + 1) * Stride];

    /// <summary>The slots of <paramref name="context"/>'s run: created by the first take, for the run's worker count.</summary>
    public static WorkerSlots For(ref WorkerSlots? slots, StressContext context, Func<int, long> initial)
    {
        var current = Volatile.Read(ref slots);
        if (current is not null && (uint)context.WorkerId < (uint)current.Count)
        {
            return current;
        }

        var workers = Math.Max(context.WorkerCount, context.WorkerId + 1);
        var created = new WorkerSlots(workers, initial);
        var won = Interlocked.CompareExchange(ref slots, created, current);
        return won == current ? created : For(ref slots, context, initial);
    }
}

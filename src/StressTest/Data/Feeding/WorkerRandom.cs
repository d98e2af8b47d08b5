// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>
/// A random index per worker: SplitMix64 over the worker's own state, seeded from the feeder's seed and the worker's
/// id. Per worker, so a worker's sequence is the same in every run with the seed, whatever the other workers do;
/// SplitMix64 rather than <see cref="Random"/> because it is one state word (no object per worker, no lock) and its
/// sequence is fixed by its definition, not by the runtime's version.
/// </summary>
internal sealed class WorkerRandom
{
    private readonly int _seed;
    private readonly Func<int, long> _initial;
    private WorkerSlots? _states;

    public WorkerRandom(int seed)
    {
        _seed = seed;
        _initial = Initial; // one delegate: a method group converted on every take would allocate one per take
    }

    /// <summary>An index from 0 to <paramref name="bound"/> − 1 for the worker of <paramref name="context"/>.</summary>
    public int Next(StressContext context, int bound)
    {
        ref var state = ref WorkerSlots.For(ref _states, context, _initial)[context.WorkerId];
        state = unchecked(state + (long)0x9E3779B97F4A7C15UL);
        var z = (ulong)state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;

        // Lemire's multiply-shift: the top 32 bits scaled to the bound, without a division.
        return (int)(((z >> 32) * (ulong)(uint)bound) >> 32);
    }

    private long Initial(int worker) => unchecked(((long)_seed * 1_000_003) ^ ((long)worker * 0x5851F42D4C957F2DL));
}

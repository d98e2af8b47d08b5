// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Targets;

/// <summary>
/// Open-model stress tests that note when each iteration actually started, and how many gen0 GCs had happened by
/// then, for the <c>open-probe</c> diagnostic: from the iteration number and the rate, the iteration's intended start
/// is known, so every late start can be placed in time and set against GCs and the once-a-second harvest.
/// </summary>
public static class ProbeTargets
{
    private static long[] s_starts = [];
    private static int[] s_collections = [];

    /// <summary>Like <see cref="OpenTargets.NoopAsync"/>, noting its start.</summary>
    [StressTest(Rate = 1000, MaxConcurrency = 5000)]
    public static ValueTask ProbeNoopAsync(StressContext context)
    {
        Note(context.Iteration);
        return default;
    }

    /// <summary>Like <see cref="OpenTargets.Delay5Ms"/>, noting its start.</summary>
    [StressTest(Rate = 1000, MaxConcurrency = 5000)]
    public static Task ProbeDelay5Ms(StressContext context, CancellationToken cancellationToken)
    {
        Note(context.Iteration);
        return Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, cancellationToken);
    }

    /// <summary>Clears the notes and makes room for <paramref name="iterations"/> iterations.</summary>
    internal static void Reset(int iterations)
    {
        s_starts = new long[iterations];
        s_collections = new int[iterations];
    }

    /// <summary>Per iteration: the <see cref="TimeProvider.System"/> timestamp it started at (0: not noted) and the
    /// gen0 collection count at that moment.</summary>
    internal static (long[] Starts, int[] Collections) Notes => (s_starts, s_collections);

    // Iterations are numbered from 0 over the whole run, warm-up included; each is noted by one thread only.
    private static void Note(long iteration)
    {
        var starts = s_starts;
        if (iteration < starts.Length)
        {
            starts[iteration] = TimeProvider.System.GetTimestamp();
            s_collections[iteration] = GC.CollectionCount(0);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data;

/// <summary>Which record a <see cref="Feeder{T}"/> hands to the next take.</summary>
public enum FeedStrategy
{
    /// <summary>In order, all workers sharing one sequence, and from the first record again after the last: a
    /// source of N records gives every record once per N takes.</summary>
    Circular = 0,

    /// <summary>A random record each take, records repeating (with replacement). Each worker draws from its own
    /// generator seeded by <see cref="FeederOptions.Seed"/> and its worker id, so a worker's sequence repeats exactly
    /// with the same seed, however the workers interleave. A source larger than <see cref="FeederOptions.WindowSize"/>
    /// is sampled window by window, the workers sharing the window in use: then the same seed repeats the sequences
    /// only when the workers take in the same order.</summary>
    Random = 1,

    /// <summary>Each record once, across all workers, in order; when they are used up
    /// <see cref="FeederOptions.WhenExhausted"/> applies. For data that must not be used twice: sign-ups, one-time
    /// codes, rows a write consumes.</summary>
    Unique = 2,

    /// <summary>Worker k of N gets records k, k + N, k + 2N… and then starts again at k: no two workers ever get the
    /// same record, so their writes cannot collide. The source needs at least one record per worker
    /// (Concurrency, or MaxConcurrency in the open model).</summary>
    PerWorker = 3,
}

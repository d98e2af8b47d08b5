// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// Whether the thread pool of the test's own process was starved: work waited for a thread while the runtime kept
/// adding threads (its answer to threads that block). That is the test's own fault, not the API's and not the load
/// generator's capacity: code in the test process blocks pool threads (<c>.Wait()</c>, <c>.Result</c> or
/// <c>Thread.Sleep</c> in async code, in the method, its setup, or an API hosted in the test process), and every
/// latency in that window includes the wait for a thread.
/// </summary>
/// <remarks>
/// A second is starved when at least <see cref="MinQueue"/> work items waited at its end and the pool had grown past
/// twice the cores (hill climbing alone stays near the core count; beyond that the runtime is injecting threads for
/// blocked ones). Two such seconds make a verdict (one, for a run that short): a JIT's first second or a burst of
/// completions does not cry wolf. Kept apart from <see cref="GeneratorVerdict"/>: that one says the generator was at its
/// limit, this one that the test's code held it back.
/// </remarks>
/// <param name="FromSeconds">Start of the starved stretch, seconds into the measured window.</param>
/// <param name="ToSeconds">Its end.</param>
/// <param name="PeakQueue">Most work items seen waiting.</param>
/// <param name="PeakThreads">Most pool threads seen.</param>
internal sealed record ThreadPoolStarvation(double FromSeconds, double ToSeconds, long PeakQueue, int PeakThreads)
{
    public const long MinQueue = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The warning a starved run carries.</summary>
    public string Warning => string.Create(
        Invariant,
        $"Warning: the thread pool of the test process was starved from {FromSeconds:0.#} s to {ToSeconds:0.#} s ({PeakQueue:N0} work items waiting, {PeakThreads} threads): ")
        + "code in the test process blocks thread-pool threads (.Wait(), .Result or Thread.Sleep in async code, in the test method, its setup or an API hosted in the test process), "
        + "so latencies in that window include waiting for a thread. This is the test's own fault: make that code await.";

    /// <summary>The starved stretch of <paramref name="series"/>, or null when the pool was not starved.</summary>
    public static ThreadPoolStarvation? Judge(IReadOnlyList<HealthSecond> series, int cores)
    {
        ArgumentNullException.ThrowIfNull(series);
        var starved = series.Where(s => s.Health is { } h && h.ThreadPoolQueue >= MinQueue && h.ThreadPoolThreads > 2 * cores).ToList();
        if (starved.Count == 0 || starved.Count < Math.Min(2, series.Count(s => s.Health is not null)))
        {
            return null;
        }

        return new ThreadPoolStarvation(
            starved[0].StartSeconds,
            starved[^1].EndSeconds,
            starved.Max(s => s.Health!.ThreadPoolQueue),
            starved.Max(s => s.Health!.ThreadPoolThreads));
    }
}

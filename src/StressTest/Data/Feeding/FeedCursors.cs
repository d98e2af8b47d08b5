// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>
/// Opens a feeder: reads its first window and picks the cursor. A source that fits in one window is kept whole
/// (Circular, Random and PerWorker then need no reading at all during the load); a larger one is streamed.
/// </summary>
internal static class FeedCursors
{
    public static async ValueTask<FeedCursor<T>> OpenAsync<T>(FeedSpec<T> spec, CancellationToken cancellationToken)
    {
        var reader = spec.Source.Open(stride: 1, offset: 0);
        var keepReader = false;
        try
        {
            var items = new T[spec.Options.WindowSize];
            var count = await reader.ReadAsync(items, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw new InvalidDataException($"{spec.Source.Description} has no records: a feeder needs at least one.");
            }

            // Readers fill the buffer unless the pass ends, so a short window is the whole source.
            var whole = count < items.Length;
            switch (spec.Strategy)
            {
                case FeedStrategy.Circular when whole:
                    return new MemoryCircularCursor<T>(items, count);
                case FeedStrategy.Random when whole:
                    return new MemoryRandomCursor<T>(items, count, spec.Options.Seed);
                case FeedStrategy.PerWorker when whole:
                    return new MemoryPerWorkerCursor<T>(spec, items, count);
                case FeedStrategy.PerWorker:
                    return new StreamPerWorkerCursor<T>(spec);
                default:
                    keepReader = !whole;
                    return new WindowCursor<T>(spec, new Window<T>(items, count, 0), whole ? null : reader);
            }
        }
        finally
        {
            if (!keepReader)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

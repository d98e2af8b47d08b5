// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data.Sources;

namespace StressTest.Data.Feeding;

/// <summary>
/// Circular or Random over a streamed source, and Unique over any source: one window of records in use, the next
/// read ahead on the thread pool. A take claims a ticket on the current window (one interlocked increment, no lock, no
/// allocation); the take that finds the window used up swaps in the read-ahead one under a lock, once per window, and
/// starts reading the one after. Circular and Random start a new pass over the source at its end; Unique is then
/// exhausted.
/// </summary>
internal sealed class WindowCursor<T> : FeedCursor<T>
{
    private readonly FeedSpec<T> _spec;
    private readonly WorkerRandom? _random;
    private readonly bool _repeat;
    private readonly Lock _gate = new();
    private RecordReader<T>? _reader;
    private Window<T> _current;
    private Task<Window<T>?>? _next;
    private Exception? _failure;

    /// <param name="spec">The feeder.</param>
    /// <param name="first">The first window, already read.</param>
    /// <param name="reader">The pass it was read from, positioned after it; null when that pass already ended.</param>
    public WindowCursor(FeedSpec<T> spec, Window<T> first, RecordReader<T>? reader)
    {
        _spec = spec;
        _current = first;
        _reader = reader;
        _repeat = spec.Strategy != FeedStrategy.Unique;
        _random = spec.Strategy == FeedStrategy.Random ? new WorkerRandom(spec.Options.Seed) : null;
        _next = ReadAhead(first.First + first.Count);
    }

    public override T Take(StressContext context)
    {
        while (true)
        {
            var window = Volatile.Read(ref _current);
            var ticket = window.Claim();
            if (ticket < (uint)window.Count)
            {
                return _random is null ? window.Items[ticket] : window.Items[_random.Next(context, window.Count)];
            }

            Advance(window, context);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Task<Window<T>?>? next;
        RecordReader<T>? reader;
        lock (_gate)
        {
            next = _next;
            _next = null;
            reader = _reader;
            _reader = null;
        }

        if (next is not null)
        {
            // The read-ahead uses the reader: let it finish before closing it.
            await ((Task)next).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        if (reader is not null)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Off the fast path, once per window: swaps in the next window, or reports the end or the failure.</summary>
    private void Advance(Window<T> used, StressContext context)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(Volatile.Read(ref _current), used))
            {
                return; // another take already swapped it
            }

            if (_failure is not null)
            {
                throw FeedSignals.Broken(context, _failure);
            }

            if (_next is null)
            {
                throw FeedSignals.Exhausted(context, _spec, used.First + used.Count);
            }

            Window<T>? next;
            try
            {
                // Normally read ahead long ago; a take that outruns the reading waits here for it.
                next = _next.GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                _failure = ex;
                throw FeedSignals.Broken(context, ex);
            }

            if (next is null)
            {
                _next = null; // the source is used up (Unique): every later take finds it so
                throw FeedSignals.Exhausted(context, _spec, used.First + used.Count);
            }

            _next = ReadAhead(next.First + next.Count);
            Volatile.Write(ref _current, next);
        }
    }

    /// <summary>Reads the next window on the thread pool (a CSV parse must not run on a worker's thread).</summary>
    private Task<Window<T>?> ReadAhead(long first) => Task.Run(() => ReadAsync(first));

    private async Task<Window<T>?> ReadAsync(long first)
    {
        var items = new T[_spec.Options.WindowSize];
        var count = _reader is null ? 0 : await _reader.ReadAsync(items, CancellationToken.None).ConfigureAwait(false);
        if (count > 0 || !_repeat)
        {
            return count > 0 ? new Window<T>(items, count, first) : null;
        }

        // End of a pass: Circular and Random start over from the first record.
        if (_reader is not null)
        {
            await _reader.DisposeAsync().ConfigureAwait(false);
        }

        _reader = _spec.Source.Open(stride: 1, offset: 0);
        count = await _reader.ReadAsync(items, CancellationToken.None).ConfigureAwait(false);
        return count > 0
            ? new Window<T>(items, count, first)
            : throw new InvalidDataException($"{_spec.Source.Description} had records on the first pass but none on the next: the source changed while the run read it.");
    }
}

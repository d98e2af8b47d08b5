// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data.Feeding;
using StressTest.Data.Sources;

namespace StressTest.Data;

/// <summary>
/// Test data handed out one record per take, safely from any number of workers at once. Create one with
/// <see cref="Feeder"/> in <c>[StressSetup]</c>, hand it to the run with <see cref="StressSetupContext.Set{T}"/>
/// (the run disposes it after <c>[StressTeardown]</c>), and take records with <see cref="StressContext.Feed{T}"/>
/// or <see cref="Next"/>.
/// </summary>
/// <remarks>
/// A take allocates nothing and takes no lock: one interlocked increment into the current window of records (none at
/// all for <see cref="FeedStrategy.Random"/> and <see cref="FeedStrategy.PerWorker"/>, whose state is per worker). Once
/// per window the take that finds it used up swaps in the next one, which was read ahead in the background.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
public sealed class Feeder<T> : IAsyncDisposable, IPreparedData, IRecordFeed<T>
{
    private readonly FeedSpec<T> _spec;
    private readonly Lock _gate = new();
    private FeedCursor<T>? _cursor;

    internal Feeder(RecordSource<T> source, FeedStrategy strategy, FeederOptions options) =>
        _spec = new FeedSpec<T>(source, strategy, options);

    /// <summary>The strategy given at creation.</summary>
    public FeedStrategy Strategy => _spec.Strategy;

    /// <summary>Where the records come from: the file's full path, or the sequence's type.</summary>
    public string Source => _spec.Source.Description;

    /// <inheritdoc cref="IRecordFeed.AddTo"/>
    void IRecordFeed.AddTo(RunData data) => data.SetFeed<T>(this);

    /// <inheritdoc cref="IPreparedData.Description"/>
    string IPreparedData.Description => _spec.Description;

    /// <summary>
    /// The next record for the invocation running in <paramref name="context"/> (its worker decides the record for
    /// <see cref="FeedStrategy.Random"/> and <see cref="FeedStrategy.PerWorker"/>).
    /// </summary>
    /// <remarks>
    /// When the data runs out (<see cref="FeedStrategy.Unique"/>) or a record cannot be read (a bad row found while
    /// streaming), the load stops, the invocation is cancelled without being counted, and the result says why,
    /// naming the file and line. Outside a run the same is an exception.
    /// </remarks>
    /// <param name="context">The invocation's context.</param>
    /// <returns>The record.</returns>
    public T Next(StressContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (Volatile.Read(ref _cursor) ?? OpenNow(context)).Take(context);
    }

    /// <summary>Closes the file or sequence being read.</summary>
    /// <returns>A task that completes when it is closed.</returns>
    public ValueTask DisposeAsync()
    {
        FeedCursor<T>? cursor;
        lock (_gate)
        {
            cursor = _cursor;
            _cursor = ClosedCursor<T>.Instance(_spec);
        }

        return cursor?.DisposeAsync() ?? default;
    }

    /// <inheritdoc cref="IPreparedData.PrepareAsync"/>
    async ValueTask IPreparedData.PrepareAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cursor) is not null)
        {
            return;
        }

        var cursor = await FeedCursors.OpenAsync(_spec, cancellationToken).ConfigureAwait(false);
        if (!Publish(cursor))
        {
            await cursor.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The first take of a feeder the run did not prepare (it was not handed over with Set): reads the
    /// first window now, once.</summary>
    private FeedCursor<T> OpenNow(StressContext context)
    {
        lock (_gate)
        {
            if (_cursor is { } ready)
            {
                return ready;
            }

            FeedCursor<T> cursor;
            try
            {
                cursor = Task.Run(() => FeedCursors.OpenAsync(_spec, CancellationToken.None).AsTask()).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw FeedSignals.Broken(context, ex);
            }

            Volatile.Write(ref _cursor, cursor);
            return cursor;
        }
    }

    private bool Publish(FeedCursor<T> cursor)
    {
        lock (_gate)
        {
            if (_cursor is not null)
            {
                return false;
            }

            Volatile.Write(ref _cursor, cursor);
            return true;
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace StressTest;

/// <content>Handing data to the workers, and the run's identity for seeding and cleaning up.</content>
public sealed partial class StressSetupContext
{
    /// <summary>
    /// Identifies this run of this test, as <see cref="StressContext.RunId"/> does for the workers: unique across
    /// runs. Tag the data setup seeds with it, and delete by it in <c>[StressTeardown]</c> (which may take this context
    /// too), so a run removes exactly what it created, even when it failed half way.
    /// </summary>
    public string RunId { get; }

    /// <summary>The values handed to the run.</summary>
    internal RunData Data { get; } = new();

    /// <summary>
    /// Hands <paramref name="value"/> to the run as its <typeparamref name="T"/>: every worker reads it with
    /// <see cref="StressContext.Get{T}"/> (a <see cref="Data.Feeder{TRecord}"/> with <see cref="StressContext.Feed{TRecord}"/>),
    /// and <c>[StressTeardown]</c> with <see cref="Get{T}"/>. One value per type: setting a type again replaces it.
    /// The run owns what it is given: values that are <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/> are
    /// disposed after <c>[StressTeardown]</c>, newest first.
    /// </summary>
    /// <example>
    /// <code>
    /// public sealed record Seeded(IReadOnlyList&lt;long&gt; CustomerIds);
    ///
    /// setup.Set(new Seeded(ids));                                   // any value: ctx.Get&lt;Seeded&gt;()
    /// setup.Set(Feeder.From(ids, FeedStrategy.PerWorker));          // a feeder: ctx.Feed&lt;long&gt;()
    /// </code>
    /// </example>
    /// <remarks>A feeder handed over here reads its first window before the load starts, so a missing file or an
    /// empty source fails the setup instead of the first invocations. Values are read by many workers at once: hand
    /// over immutable values or thread-safe ones.</remarks>
    /// <typeparam name="T">The type the workers ask for; a record of your own keeps several values together.</typeparam>
    /// <param name="value">The value.</param>
    public void Set<T>(T value)
        where T : notnull => Data.Set(value);

    /// <summary>The value of type <typeparamref name="T"/> handed to the run with <see cref="Set{T}"/>.</summary>
    /// <typeparam name="T">The type given to <see cref="Set{T}"/>, exactly.</typeparam>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">None was set (the message lists what was).</exception>
    public T Get<T>() => Data.Get<T>("StressSetupContext.Get<T>()");

    /// <summary>The value of type <typeparamref name="T"/> handed to the run, if there is one (in a teardown after a
    /// setup that failed half way, there may not be).</summary>
    /// <typeparam name="T">The type given to <see cref="Set{T}"/>, exactly.</typeparam>
    /// <param name="value">The value, or default.</param>
    /// <returns>True when one was set.</returns>
    public bool TryGet<T>([MaybeNullWhen(false)] out T value) => Data.TryGet(out value);
}

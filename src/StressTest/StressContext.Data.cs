// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StressTest;

/// <content>The run's data: what setup handed over, feeders, the worker count and per-invocation unique values.</content>
public sealed partial class StressContext
{
    private string? _uniqueId;
    private long _uniqueIdIteration = -1;

    /// <summary>How many workers the run has: closed model the Concurrency (the largest stage target when ramping),
    /// open model MaxConcurrency (its slots). <see cref="WorkerId"/> is from 0 to WorkerCount - 1.</summary>
    public int WorkerCount { get; }

    /// <summary>
    /// A value unique to this invocation across every run: <c>{RunId}-{WorkerId}-{Iteration}</c>, for example
    /// <c>20260114-093012-1a2b3c4d-3-1742</c>. Use it for what a write must not repeat (an order reference, a user
    /// name, an idempotency key); its <see cref="RunId"/> prefix lets teardown find and delete everything the run
    /// created (<c>WHERE reference LIKE @runId || '%'</c>).
    /// </summary>
    /// <remarks>Built on first read in an invocation and kept for the rest of it; an invocation that never reads it
    /// allocates nothing. In <c>[StressWorkerSetup]</c> it ends in <c>-setup</c>.</remarks>
    public string UniqueId
    {
        get
        {
            var iteration = Scope is { IsInLifecycle: true } ? long.MinValue : Iteration;
            if (_uniqueId is null || _uniqueIdIteration != iteration)
            {
                _uniqueId = iteration == long.MinValue
                    ? string.Create(CultureInfo.InvariantCulture, $"{RunId}-{WorkerId}-setup")
                    : string.Create(CultureInfo.InvariantCulture, $"{RunId}-{WorkerId}-{iteration}");
                _uniqueIdIteration = iteration;
            }

            return _uniqueId;
        }
    }

    /// <summary>
    /// The value of type <typeparamref name="T"/> that <c>[StressSetup]</c> handed to the run with
    /// <see cref="StressSetupContext.Set{T}"/> (seeded ids, a token, a feeder). Costs an array read: call it in every
    /// invocation, or once in <c>[StressWorkerSetup]</c> and keep it in a field.
    /// </summary>
    /// <typeparam name="T">The type given to <see cref="StressSetupContext.Set{T}"/>, exactly.</typeparam>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">Setup handed over no <typeparamref name="T"/> (the message lists what it did hand over).</exception>
    public T Get<T>() => RunData.Get<T>("StressContext.Get<T>()");

    /// <summary>The value of type <typeparamref name="T"/> that setup handed to the run, if it did.</summary>
    /// <typeparam name="T">The type given to <see cref="StressSetupContext.Set{T}"/>, exactly.</typeparam>
    /// <param name="value">The value, or default when there is none.</param>
    /// <returns>True when setup handed one over.</returns>
    public bool TryGet<T>([MaybeNullWhen(false)] out T value) => RunData.TryGet(out value);

    /// <summary>
    /// The next record of the <see cref="Data.Feeder{T}"/> of <typeparamref name="T"/> that setup handed to the run:
    /// <c>ctx.Get&lt;Feeder&lt;T&gt;&gt;().Next(ctx)</c>. Allocates nothing and takes no lock.
    /// </summary>
    /// <typeparam name="T">The feeder's record type.</typeparam>
    /// <returns>The record its strategy gives this invocation.</returns>
    /// <exception cref="InvalidOperationException">Setup handed over no <c>Feeder&lt;T&gt;</c>.</exception>
    public T Feed<T>() => RunData.GetFeed<T>("StressContext.Feed<T>()").Next(this);

    private RunData RunData => Scope?.Data ?? throw NotInRun("Get");
}

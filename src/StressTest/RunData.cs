// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest;

/// <summary>
/// The values <c>[StressSetup]</c> hands to the run (<see cref="StressSetupContext.Set{T}"/>), one per type, read by
/// every worker (<see cref="StressContext.Get{T}"/>). The run owns them: what is disposable is disposed after
/// <c>[StressTeardown]</c>, newest first.
/// </summary>
/// <remarks>
/// Keyed by type, as ASP.NET Core's <c>IFeatureCollection</c> is: typed without a key object to share. A type's slot
/// is a number given once per process (<see cref="TypeSlot{T}"/>), so <c>Get</c> is an array read and a type check,
/// no dictionary lookup and no lock: workers may call it on every invocation. Values are written by setup (and
/// teardown) only, before the workers start and after they end; the workers' start publishes them.
/// </remarks>
internal sealed class RunData
{
    private readonly List<object> _owned = [];
    private readonly List<Type> _types = [];
    private object?[] _values = [];

    /// <summary>The types values were set as (what <c>Get</c> must ask for, not their runtime types), for the
    /// message of a failed <c>Get</c>.</summary>
    public IEnumerable<Type> Types => _types;

    public void Set<T>(T value)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(value);
        var slot = TypeSlot<T>.Index;
        if (slot >= _values.Length)
        {
            Array.Resize(ref _values, Math.Max(slot + 1, _values.Length * 2));
        }

        _values[slot] = value;
        if (!_types.Contains(typeof(T)))
        {
            _types.Add(typeof(T));
        }

        if (value is IAsyncDisposable or IDisposable && !_owned.Any(o => ReferenceEquals(o, value)))
        {
            _owned.Add(value);
        }
    }

    public bool TryGet<T>(out T value)
    {
        var slot = TypeSlot<T>.Index;
        var values = _values;
        if ((uint)slot < (uint)values.Length && values[slot] is T found)
        {
            value = found;
            return true;
        }

        value = default!;
        return false;
    }

    /// <param name="caller">The member called, such as <c>StressContext.Get</c>: a constant, so a successful call
    /// allocates nothing (the message is built only when there is no value).</param>
    public T Get<T>(string caller) => TryGet<T>(out var value) ? value : throw Missing<T>(caller);

    private InvalidOperationException Missing<T>(string caller) => new(
        $"{caller}: no {Name(typeof(T))} was handed to the run. Call StressSetupContext.Set(...) with one in [StressSetup]"
        + (Types.Any() ? $"; the run has {string.Join(", ", Types.Select(Name))}." : "; the run has none."));

    /// <summary><c>Feeder&lt;CustomerRow&gt;</c>, not <c>Feeder`1</c>.</summary>
    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;

    /// <summary>Readies every value that reads ahead (feeders load their first window), so a missing file or an
    /// empty source fails the setup, before any load, instead of the first invocations.</summary>
    public async Task PrepareAsync(List<string> problems, CancellationToken cancellationToken)
    {
        foreach (var value in _values.OfType<IPreparedData>())
        {
            try
            {
                await value.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                problems.Add($"[StressSetup] {value.Description}: {ErrorText.Describe(ex)}");
            }
        }
    }

    /// <summary>Disposes what the run owns, newest first; a failure is a problem of the run, never a crash.</summary>
    public async Task DisposeAsync(List<string> problems)
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            var value = _owned[i];
            try
            {
                if (value is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    ((IDisposable)value).Dispose();
                }
            }
            catch (Exception ex)
            {
                problems.Add($"Disposing the run's {value.GetType().Name} (handed over by StressSetupContext.Set) failed: {ErrorText.Describe(ex)}");
            }
        }

        _owned.Clear();
    }
}

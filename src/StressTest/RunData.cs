// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


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

        // A feeder is also found by its record type, for StressContext.Feed<T>(): the public API names no feeder type.
        (value as IRecordFeed)?.AddTo(this);
    }

    /// <summary>The values that read ahead before the load (feeders), for the controller to prepare.</summary>
    public IEnumerable<IPreparedData> Prepared => _values.OfType<IPreparedData>().Distinct();

    /// <summary>What the run owns and disposes after teardown, oldest first.</summary>
    public IReadOnlyList<object> Owned => _owned;

    /// <summary>Forgets the owned values once they are disposed.</summary>
    public void ReleaseOwned() => _owned.Clear();

    /// <summary>Sets <paramref name="feed"/> as the feed of its records, beside the type it was set as.</summary>
    public void SetFeed<TRecord>(IRecordFeed<TRecord> feed)
    {
        var slot = TypeSlot<IRecordFeed<TRecord>>.Index;
        if (slot >= _values.Length)
        {
            Array.Resize(ref _values, Math.Max(slot + 1, _values.Length * 2));
        }

        _values[slot] = feed;
    }

    /// <summary>The feed of <typeparamref name="TRecord"/> records that setup handed over.</summary>
    public IRecordFeed<TRecord> GetFeed<TRecord>(string caller) =>
        TryGet<IRecordFeed<TRecord>>(out var feed) ? feed : throw Missing(caller, "Feeder<" + Name(typeof(TRecord)) + ">");

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
    public T Get<T>(string caller) => TryGet<T>(out var value) ? value : throw Missing(caller, Name(typeof(T)));

    private InvalidOperationException Missing(string caller, string name) => new(
        $"{caller}: no {name} was handed to the run. Call StressSetupContext.Set(...) with one in [StressSetup]"
        + (Types.Any() ? $"; the run has {string.Join(", ", Types.Select(Name))}." : "; the run has none."));

    /// <summary><c>Feeder&lt;CustomerRow&gt;</c>, not <c>Feeder`1</c>.</summary>
    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}

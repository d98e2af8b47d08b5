// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Transport.Contracts;

namespace StressTest.Workers;

/// <summary>
/// A worker's errors since the last harvest, grouped by their class (<see cref="ErrorClassifier"/>), keeping the
/// first message and the first and last time of each. Only the error path takes its lock (contended at most once a
/// second by the harvest); successful invocations never touch it.
/// </summary>
internal sealed class ErrorTally
{
    private readonly Lock _lock = new();
    private Dictionary<string, Entry> _errors = new(StringComparer.Ordinal);

    /// <summary>Counts an exception under its class; <paramref name="at"/> is its offset in the measured window. The
    /// message is composed (and redacted) only for the first error of a kind: a failing server repeats itself.</summary>
    public ErrorClass Add(Exception exception, TimeSpan at)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = ErrorClassifier.Classify(exception);
        Add(error, at, exception, static e => ErrorText.Message(ErrorText.Root(e)));
        return error;
    }

    public void Add(ErrorClass error, string message, TimeSpan at) => Add(error, at, message, static m => m);

    /// <summary>Counts an error whose message is made from <paramref name="source"/> only if it is the first of its kind.</summary>
    public void Add<T>(ErrorClass error, TimeSpan at, T source, Func<T, string> message)
    {
        lock (_lock)
        {
            if (_errors.TryGetValue(error.Kind, out var seen))
            {
                seen.Count++;
                seen.FirstAt = seen.FirstAt < at ? seen.FirstAt : at;
                seen.LastAt = seen.LastAt > at ? seen.LastAt : at;
            }
            else
            {
                _errors[error.Kind] = new Entry(error.Category, ErrorText.Truncate(message(source)), at);
            }
        }
    }

    /// <summary>Takes the errors counted so far and starts afresh; empty when there were none.</summary>
    public IReadOnlyList<ErrorCount> Drain()
    {
        Dictionary<string, Entry> taken;
        lock (_lock)
        {
            if (_errors.Count == 0)
            {
                return [];
            }

            taken = _errors;
            _errors = new(StringComparer.Ordinal);
        }

        return taken.Select(e => new ErrorCount(e.Key, e.Value.Count, e.Value.First)
        {
            Category = e.Value.Category,
            FirstAt = e.Value.FirstAt,
            LastAt = e.Value.LastAt,
        }).ToList();
    }

    private sealed class Entry(string category, string first, TimeSpan at)
    {
        public string Category { get; } = category;

        public string First { get; } = first;

        public long Count { get; set; } = 1;

        public TimeSpan FirstAt { get; set; } = at;

        public TimeSpan LastAt { get; set; } = at;
    }
}

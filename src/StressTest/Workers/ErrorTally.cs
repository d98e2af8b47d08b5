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
    /// <summary>Longest message kept: messages may come from a server and are never trusted to be short.</summary>
    public const int MaxMessageLength = 500;

    private readonly Lock _lock = new();
    private Dictionary<string, Entry> _errors = new(StringComparer.Ordinal);

    /// <summary>Counts an exception under its class; <paramref name="at"/> is its offset in the measured window. The
    /// message is composed (and redacted) only for the first error of a kind: a failing server repeats itself.</summary>
    public ErrorClass Add(Exception exception, TimeSpan at)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = ErrorClassifier.Classify(exception);
        Add(error, at, exception, static e => Message(Root(e)));
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
                _errors[error.Kind] = new Entry(error.Category, Truncate(message(source)), at);
            }
        }
    }

    /// <summary>The exception's message followed by its inner exceptions' (up to three): HttpClient's own message
    /// ("An error occurred while sending the request.") says nothing; the cause is further in.</summary>
    public static string Message(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var depth = 0;
        for (var inner = exception.InnerException; inner is not null && depth < 3; inner = inner.InnerException, depth++)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += " → " + inner.Message;
            }
        }

        return message;
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

    /// <summary>The exception that matters: the single inner exception of an <see cref="AggregateException"/>.</summary>
    public static Exception Root(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;

    /// <summary>"Type: message", cleaned: how a failure outside an invocation is named in the result.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().FullName + ": " + Truncate(exception.Message);
    }

    /// <summary>Untrusted text made fit for a message: secrets redacted (before cutting, so a cut cannot hide one
    /// from the redactor), one line, at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string Truncate(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var flat = Redactor.Redact(message).ReplaceLineEndings(" ");
        return flat.Length <= MaxMessageLength ? flat : string.Concat(flat.AsSpan(0, MaxMessageLength), "…");
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

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Workers;

/// <summary>
/// A worker's errors since the last harvest, by kind, keeping the first message of each. Only the error path
/// takes its lock (contended at most once a second by the harvest); successful invocations never touch it.
/// </summary>
internal sealed class ErrorTally
{
    /// <summary>Longest message kept: messages may come from a server and are never trusted to be short.</summary>
    public const int MaxMessageLength = 500;

    private readonly Lock _lock = new();
    private Dictionary<string, (long Count, string First)> _errors = new(StringComparer.Ordinal);

    public void Add(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var root = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        Add(root.GetType().FullName ?? root.GetType().Name, root.Message);
    }

    public void Add(string kind, string message)
    {
        lock (_lock)
        {
            _errors[kind] = _errors.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.First) : (1, Truncate(message));
        }
    }

    /// <summary>Takes the errors counted so far and starts afresh; empty when there were none.</summary>
    public IReadOnlyList<ErrorCount> Drain()
    {
        Dictionary<string, (long Count, string First)> taken;
        lock (_lock)
        {
            if (_errors.Count == 0)
            {
                return [];
            }

            taken = _errors;
            _errors = new(StringComparer.Ordinal);
        }

        return taken.Select(e => new ErrorCount(e.Key, e.Value.Count, e.Value.First)).ToList();
    }

    /// <summary>"Type: message", truncated: how a failure outside an invocation is named in the result.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().FullName + ": " + Truncate(exception.Message);
    }

    public static string Truncate(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var flat = message.ReplaceLineEndings(" ");
        return flat.Length <= MaxMessageLength ? flat : string.Concat(flat.AsSpan(0, MaxMessageLength), "…");
    }
}

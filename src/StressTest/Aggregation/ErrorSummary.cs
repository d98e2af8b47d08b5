// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Transport.Contracts;

namespace StressTest.Aggregation;

/// <summary>All errors of one kind over the run (<see cref="ErrorClassifier"/>): <c>HTTP 503</c>, <c>timeout</c>,
/// <c>connection refused</c>, <c>stuck</c>… or an exception's full type name.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many.</param>
/// <param name="FirstMessage">The first message seen, redacted and truncated; untrusted text.</param>
internal sealed record ErrorSummary(string Kind, long Count, string FirstMessage)
{
    /// <summary>The kind's category (<see cref="ErrorCategories"/>).</summary>
    public string Category { get; init; } = ErrorCategories.Exception;

    /// <summary>Offset in the measured window of the first error of the kind.</summary>
    public TimeSpan FirstAt { get; init; }

    /// <summary>Offset of the last one.</summary>
    public TimeSpan LastAt { get; init; }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Aggregation;

/// <summary>All errors of one kind over the run: <c>timeout</c>, <c>stuck</c> or an exception's full type name.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many.</param>
/// <param name="FirstMessage">The first message seen, truncated; untrusted text.</param>
internal sealed record ErrorSummary(string Kind, long Count, string FirstMessage);

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Errors;

/// <summary>
/// Where one error belongs in the taxonomy: its <paramref name="Category"/> (one of <see cref="ErrorCategories"/>)
/// and its <paramref name="Kind"/>, the grouping key users see (<c>HTTP 503</c>, <c>connection refused</c>,
/// <c>System.InvalidOperationException</c>). Errors with the same kind are counted together.
/// </summary>
/// <remarks>A value type so that classifying an error on the error path allocates nothing beyond the kind text.</remarks>
/// <param name="Category">One of <see cref="ErrorCategories"/>.</param>
/// <param name="Kind">The grouping key shown to users.</param>
internal readonly record struct ErrorClass(string Category, string Kind)
{
    /// <summary>An invocation still running after the shutdown grace period: there is no exception to classify.</summary>
    public static ErrorClass Stuck { get; } = new(ErrorCategories.Stuck, "stuck");

    /// <summary>An invocation still running after the shutdown grace period that returned once its token was
    /// cancelled: it outlived the run (a method slower than the test allows, a request to a server that never answers).</summary>
    public static ErrorClass CutOff { get; } = new(ErrorCategories.CutOff, "cut off");
}

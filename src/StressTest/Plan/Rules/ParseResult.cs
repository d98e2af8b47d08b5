// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace StressTest.Plan.Rules;

/// <summary>
/// The outcome of parsing user text: a value, or one error message that names the text, what was wrong and what
/// was expected. Parsers never throw on bad input: a bad attribute becomes a failed test result, not a crash.
/// </summary>
internal readonly struct ParseResult<T>
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static ParseResult<T> Success(T value) => new(value, null);

    public static ParseResult<T> Failure(string error) => new(default, error);
}

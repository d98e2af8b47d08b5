// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>The cursor of a disposed feeder: every take throws, naming the feeder.</summary>
internal sealed class ClosedCursor<T> : FeedCursor<T>
{
    private readonly string _description;

    private ClosedCursor(string description) => _description = description;

    public static ClosedCursor<T> Instance(FeedSpec<T> spec) => new(spec.Description);

    public override T Take(StressContext context) =>
        throw new ObjectDisposedException(_description, $"{_description} was disposed: the run that owned it has ended.");

    public override ValueTask DisposeAsync() => default;
}

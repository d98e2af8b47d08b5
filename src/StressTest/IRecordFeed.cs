// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>A value handed to the run that feeds records of some type: registers itself by that type.</summary>
/// <remarks>Declared beside the public API so that <see cref="StressContext.Feed{T}"/> finds a feeder without naming
/// the feeder type, which lives in the Data room: the public root depends on no other room.</remarks>
internal interface IRecordFeed
{
    /// <summary>Registers this feed in <paramref name="data"/> under its record type.</summary>
    void AddTo(RunData data);
}

/// <summary>A feed of <typeparamref name="TRecord"/> records.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal interface IRecordFeed<out TRecord> : IRecordFeed
{
    /// <summary>The record the feed's strategy gives this invocation.</summary>
    TRecord Next(StressContext context);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data.Sources;

namespace StressTest.Data.Feeding;

/// <summary>What a feeder was created with: its source, strategy and options.</summary>
internal sealed record FeedSpec<T>(RecordSource<T> Source, FeedStrategy Strategy, FeederOptions Options)
{
    /// <summary>For messages: <c>Feeder&lt;CustomerRow&gt; (Circular) over /path/customers.csv</c>.</summary>
    public string Description => $"Feeder<{typeof(T).Name}> ({Strategy}) over {Source.Description}";
}

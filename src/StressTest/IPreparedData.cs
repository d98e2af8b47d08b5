// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>A value handed to the run that reads ahead before the load starts (a feeder's first window).</summary>
internal interface IPreparedData
{
    /// <summary>What it is, for a message: <c>feeder over /path/customers.csv</c>.</summary>
    string Description { get; }

    /// <summary>Reads ahead; throws with a message naming the file and line when the data is unusable.</summary>
    ValueTask PrepareAsync(CancellationToken cancellationToken);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data;

/// <summary>What happens when a <see cref="FeedStrategy.Unique"/> feeder has handed out every record.</summary>
public enum FeedExhaustion
{
    /// <summary>The load stops and the test fails, saying how many records were used and when: the data was
    /// smaller than the run asked for.</summary>
    Fail = 0,

    /// <summary>The load stops early and the thresholds judge what ran (the data bounds the run); the summary says
    /// when and why it stopped. The invocation that found no record is not counted.</summary>
    StopRun = 1,
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>How load is applied to the method.</summary>
public enum LoadModel
{
    /// <summary>A fixed number of workers, each invoking when its previous invocation has ended (or every Pacing).
    /// Simple, but a slow server slows the load down with it and hides its stalls (coordinated omission).</summary>
    Closed = 0,

    /// <summary>Invocations start on a schedule of arrivals, whatever earlier ones are doing, as real users arrive.
    /// The honest model for latency under load.</summary>
    Open = 1,
}

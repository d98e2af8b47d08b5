// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>How arrivals are spread in time in the open model (<c>[StressTest(Rate = …)]</c>).</summary>
public enum Arrivals
{
    /// <summary>Evenly spaced: at 100/s, one arrival every 10 ms. Reproducible to the invocation.</summary>
    Uniform = 0,

    /// <summary>A Poisson process with the same average rate: random gaps, as independent users arrive. Seeded by
    /// the <c>Seed</c> setting, so a run can be repeated exactly.</summary>
    Poisson = 1,
}

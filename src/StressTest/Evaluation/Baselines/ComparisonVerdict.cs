// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Evaluation.Baselines;

/// <summary>What the comparison of a run with its baseline says about one relative threshold.</summary>
internal enum ComparisonVerdict
{
    /// <summary>No change beyond the tolerance that the data can show: the run holds the threshold, or it is past the
    /// limit by noise alone (the interval includes no change).</summary>
    Unchanged,

    /// <summary>Better than the baseline by more than the tolerance, and credibly so: time to record a new baseline.</summary>
    Improved,

    /// <summary>Worse than the limit, and credibly so (the whole 95 % interval is beyond it): the threshold fails.</summary>
    Regressed,

    /// <summary>The run is past the limit and the change is real (the interval excludes no change), but the interval
    /// reaches back inside the tolerance; or the runs are too short for an interval. Passes with a warning: run longer
    /// to decide.</summary>
    Inconclusive,

    /// <summary>The test has no baseline yet: passes with a warning, or fails with <c>NoBaseline=fail</c>.</summary>
    NoBaseline,
}

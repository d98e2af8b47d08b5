// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Evaluation;

/// <summary>The verdict of one stress test.</summary>
internal enum RunOutcome
{
    /// <summary>Every threshold held and nothing else went wrong.</summary>
    Passed,

    /// <summary>A threshold failed, setup or teardown threw, or the workers could not start.</summary>
    Failed,

    /// <summary>The run was cancelled before its end; thresholds were not judged on the partial data.</summary>
    Cancelled,

    /// <summary>Not run: the test runs only in other profiles (<c>[StressTest(Profiles = …)]</c>).</summary>
    Skipped,

    /// <summary>Still running: only in the report rewritten during the run (what a killed test host leaves).</summary>
    Running,
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Reports.Markdown;

namespace StressTest.Tests.TestSupport;

/// <summary>
/// Tests that write reports through <c>ReportWriter.Default</c> would append their fixed reports to the CI's own
/// GitHub step summary: the variable is removed from this test process before any test runs (the Markdown tests
/// point the summary at temporary files through <see cref="GitHubStepSummary"/>'s seam instead).
/// </summary>
[TestClass]
public static class StepSummaryIsolation
{
    [AssemblyInitialize]
    public static void RemoveStepSummaryVariable(TestContext context) =>
        Environment.SetEnvironmentVariable(GitHubStepSummary.Variable, null);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Workers;

namespace StressTest.Tests.Workers;

/// <summary>Problems of a run outside its invocations: a problem every invocation would hit (a refused host) is
/// reported once, other problems each time.</summary>
[TestClass]
public sealed class LoadRunProblemTests
{
    [TestMethod]
    public void ReportProblemOnce_SameTextTwice_IsKeptOnce()
    {
        var run = CreateRun();

        run.ReportProblemOnce("refused example.com");
        run.ReportProblemOnce("refused example.com");
        run.ReportProblemOnce("refused staging.test");

        Assert.AreSequenceEqual(new[] { "refused example.com", "refused staging.test" }, run.Problems.ToArray());
    }

    [TestMethod]
    public void ReportProblem_SameTextTwice_IsKeptTwiceAndReportProblemOnceAddsNoThird()
    {
        var run = CreateRun();

        run.ReportProblem("Dispose failed");
        run.ReportProblem("Dispose failed");
        run.ReportProblemOnce("Dispose failed");

        Assert.AreSequenceEqual(new[] { "Dispose failed", "Dispose failed" }, run.Problems.ToArray());
    }

    [TestMethod]
    public void ReportProblemOnce_ManyThreadsAtOnce_KeepsOne()
    {
        var run = CreateRun();

        Parallel.For(0, 1_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => run.ReportProblemOnce(i % 2 == 0 ? "even" : "odd"));

        Assert.AreSequenceEqual(new[] { "even", "odd" }, run.Problems.Order(StringComparer.Ordinal).ToArray());
    }

    [TestMethod]
    public void Problems_IsASnapshot()
    {
        var run = CreateRun();
        run.ReportProblemOnce("a");

        var snapshot = run.Problems;
        run.ReportProblemOnce("b");

        Assert.ContainsSingle(snapshot);
        Assert.HasCount(2, run.Problems);
    }

    [TestMethod]
    public void Details_CaseConflictingStepNames_AreReportedAsAProblemOfTheRun()
    {
        var run = CreateRun();

        run.Details.Step("Login");
        run.Details.Step("login");

        Assert.Contains("\"Login\" and \"login\" differ only in case", Assert.ContainsSingle(run.Problems));
    }

    private static LoadRun CreateRun() =>
        new(TimeProvider.System, "run", new LoadProfile(TimeSpan.Zero, TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), workerCount: 1);
}

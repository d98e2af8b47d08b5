// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Runner;
using StressTest.Tests.Reports;

namespace StressTest.Tests.Runner;

/// <summary>The table of all tests printed after a run.</summary>
[TestClass]
public sealed class RunTableTests
{
    [TestMethod]
    public void Format_MeasuredAndUnmeasuredTests_OneRowEachWithHeadlineNumbers()
    {
        var measured = ReportFixtures.Measured();
        var tests = new List<(string, TestRunRecord)>
        {
            ("GetProduct", new TestRunRecord(RunOutcome.Failed, "x", "y", [], TimeSpan.FromSeconds(2)) { Measurements = measured.Measurements }),
            ("BadAttributes", new TestRunRecord(RunOutcome.Failed, "Duration is bad", string.Empty, [], TimeSpan.Zero)),
        };

        var lines = RunTable.Format(tests).Split(Environment.NewLine);

        Assert.HasCount(4, lines);
        Assert.AreEqual("StressTest summary", lines[0]);
        Assert.Contains("p95 ms", lines[1]);
        Assert.StartsWith("  GetProduct     failed", lines[2]);
        Assert.Contains("100", lines[2]);
        Assert.Contains("50.0", lines[2]);
        Assert.EndsWith("5 %", lines[2]);
        Assert.StartsWith("  BadAttributes  failed", lines[3]);
        Assert.EndsWith("no load ran", lines[3]);
    }
}

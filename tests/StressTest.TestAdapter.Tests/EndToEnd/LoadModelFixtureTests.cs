// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/LoadModelFixture: the open model's scheduled arrivals (Rate, Stages), the closed
/// model ramped by Stages, a mid-run stall that the open model shows and the closed model hides, and invalid load
/// settings, read back from the TRX and the attached JSON reports. The fixture runs once for the whole class.
/// </summary>
/// <remarks>
/// Counts in the open model are asserted tightly: arrivals are scheduled, not measured, so they do not depend on how
/// busy the machine is. Whatever depends on timing (latencies, the closed model's count) is asserted with margins
/// meant for a loaded 2-core CI machine.
/// </remarks>
[TestClass]
public sealed class LoadModelFixtureTests
{
    private static readonly Lazy<Task<FixtureRun>> Run = new(() => FixtureProject.LoadModel.TestAsync("all"));

    private static readonly string[] ValidTests = ["Rate500", "OpenStages", "ClosedStages", "OpenModelStall", "ClosedModelStall"];

    private static readonly string[] BadTests =
    [
        "RateZero", "RateWithConcurrency", "PacingWithoutConcurrency", "StagesWithoutColon", "StagesWithDuration", "MaxConcurrencyZero",
    ];

    [TestMethod]
    public async Task DotnetTest_LoadModelFixture_RunsEveryTestOnceAndExitsWithFailure()
    {
        var run = await Run.Value;

        Assert.HasCount(ValidTests.Length + BadTests.Length, run.Trx.Results, run.ToString());
        foreach (var test in ValidTests.Concat(BadTests))
        {
            run.Get(test);
        }

        Assert.AreEqual(1, run.Process.ExitCode, "The invalid tests fail on purpose, so dotnet test must exit with 1." + Environment.NewLine + run);
    }

    [TestMethod]
    [DataRow("Rate500")]
    [DataRow("OpenStages")]
    [DataRow("ClosedStages")]
    [DataRow("OpenModelStall")]
    [DataRow("ClosedModelStall")]
    public async Task DotnetTest_ValidLoadModelTest_PassesWithoutErrorsOrDrops(string method)
    {
        var run = await Run.Value;

        var result = run.Get(method);
        run.AssertPassedWithoutMessage(result);
        var report = ReportJson.Load(result);
        Assert.AreEqual("passed", report.Require("outcome").GetString());
        Assert.AreEqual(0L, report.Require("errors").GetInt64(), report.ToString());
        Assert.AreEqual(0L, report.Require("dropped").GetInt64(), report.ToString());
    }

    [TestMethod]
    public async Task DotnetTest_Rate500ForThreeSeconds_Runs1500InvocationsAt500PerSecond()
    {
        var run = await Run.Value;

        var report = ReportJson.Load(run.Get("Rate500"));

        // 500 uniform arrivals per second over [0 s, 3 s) are exactly 1500, 2 ms apart, however busy the machine.
        Assert.IsInRange(1470L, 1530L, report.Require("count").GetInt64(), report.ToString());
        Assert.IsInRange(490.0, 510.0, report.Require("rps").GetDouble(), report.ToString());
        Assert.AreEqual(0L, report.Require("dropped").GetInt64(), report.ToString());
        Assert.AreEqual("intendedStart", report.Require("latencyMeasuredFrom").GetString());
        var plan = report.Require("plan");
        Assert.AreEqual("open", plan.Require("model").GetString());
        Assert.AreEqual(500.0, plan.Require("rate").GetDouble());
        Assert.AreEqual("uniform", plan.Require("arrivals").GetString());
        Assert.AreEqual(JsonValueKind.Null, plan.Require("concurrency").ValueKind);
        AssertOneSeriesEntryPerSecond(report, seconds: 3);
    }

    [TestMethod]
    public async Task DotnetTest_StallMidRun_OpenModelShowsItInP99AndClosedModelHidesIt()
    {
        var run = await Run.Value;

        // About 100 of the open model's 400 calls start during the stall and take a second each: a quarter of them.
        var open = ReportJson.Load(run.Get("OpenModelStall"));
        Assert.IsInRange(392L, 408L, open.Require("count").GetInt64(), open.ToString());
        Assert.AreEqual(0L, open.Require("dropped").GetInt64(), open.ToString());
        Assert.IsGreaterThanOrEqualTo(900.0, P99(open), "The open model must show the stall in p99: " + open.Require("latencyMs"));

        // The closed model's one worker is stuck in a single slow call and sends nothing else meanwhile: one slow
        // call among hundreds (the stall did happen, see max), below p99. Coordinated omission, on purpose.
        var closed = ReportJson.Load(run.Get("ClosedModelStall"));
        Assert.IsGreaterThan(100L, closed.Require("count").GetInt64(), closed.ToString());
        Assert.IsGreaterThanOrEqualTo(900.0, closed.Require("latencyMs").Require("max").GetDouble(), "The stall did not happen in the closed model: " + closed.Require("latencyMs"));
        Assert.IsLessThan(900.0, P99(closed), "The closed model hides the stall below p99: " + closed.Require("latencyMs"));
        Assert.AreEqual("actualStart", closed.Require("latencyMeasuredFrom").GetString());
        Assert.AreEqual("closed", closed.Require("plan").Require("model").GetString());
        Assert.AreEqual(1, closed.Require("plan").Require("concurrency").GetInt32());
    }

    [TestMethod]
    public async Task DotnetTest_OpenStages_CountIsTheIntegralOfTheRate()
    {
        var run = await Run.Value;

        var report = ReportJson.Load(run.Get("OpenStages"));

        // 0 → 200/s over 1 s, 200/s for 1 s, 200/s → 0 over 1 s: 100 + 200 + 100 arrivals.
        Assert.IsInRange(380L, 420L, report.Require("count").GetInt64(), report.ToString());
        var plan = report.Require("plan");
        Assert.AreEqual("open", plan.Require("model").GetString());
        Assert.AreEqual("1s:200, 1s:200, 1s:0", plan.Require("stages").GetString());
        Assert.AreEqual("3s", plan.Require("duration").GetString());
        Assert.AreEqual(JsonValueKind.Null, plan.Require("rate").ValueKind);
        var targets = Targets(report);
        Assert.IsInRange(196.0, 200.0, targets.Max(), "The series' targets never reach the plateau: " + string.Join(", ", targets));
        Assert.IsLessThan(1.0, targets[^1], "The last target is the end of the ramp down to 0: " + string.Join(", ", targets));
        AssertOneSeriesEntryPerSecond(report, seconds: 3);
    }

    [TestMethod]
    public async Task DotnetTest_ClosedStages_WorkersFollowTheRamp()
    {
        var run = await Run.Value;

        var report = ReportJson.Load(run.Get("ClosedStages"));
        var count = report.Require("count").GetInt64();
        Assert.IsGreaterThan(0L, count, report.ToString());
        var plan = report.Require("plan");
        Assert.AreEqual("closed", plan.Require("model").GetString());
        Assert.AreEqual(4, plan.Require("concurrency").GetInt32(), "the largest stage target sizes the worker pool");
        Assert.AreEqual("1s:4, 1s:4, 1s:0", plan.Require("stages").GetString());

        // Worker n (from 0) works while the target is at least n + 1: 1.5 worker-seconds on the way up, 4 at the
        // plateau, 1.5 on the way down. Its calls fill that time back to back, so count × mean latency is the busy
        // time, whatever one call takes on this machine (4 workers for all 3 s would be 12; rounding the ramp up, 9).
        var busySeconds = count * report.Require("latencyMs").Require("mean").GetDouble() / 1000;
        Assert.IsInRange(5.6, 8.4, busySeconds, $"busy worker-seconds = {busySeconds}; {report}");

        var targets = Targets(report);
        Assert.IsInRange(3.9, 4.0, targets.Max(), "The series' targets never reach 4 workers: " + string.Join(", ", targets));
        Assert.IsLessThan(1.0, targets[^1], "The last target is the end of the ramp down to 0: " + string.Join(", ", targets));
        AssertOneSeriesEntryPerSecond(report, seconds: 3);
    }

    [TestMethod]
    [DataRow("RateZero", "[StressTest(Rate = 0)]", "Rate must be a number of invocations per second greater than 0")]
    [DataRow("RateWithConcurrency", "[StressTest(Rate = 100, Concurrency = 4)]", "exclude each other")]
    [DataRow("PacingWithoutConcurrency", "[StressTest(Pacing = \"100ms\")]", "Pacing needs Concurrency")]
    [DataRow("StagesWithoutColon", "[StressTest(Stages = \"30s 100\")]", "stage 1 \"30s 100\" has no ':'")]
    [DataRow("StagesWithDuration", "[StressTest(Duration = \"1s\", Stages = \"1s:2\")]", "Duration and Stages exclude each other")]
    [DataRow("MaxConcurrencyZero", "[StressTest(MaxConcurrency = 0)]", "MaxConcurrency must be a whole number from 1 to 100,000")]
    public async Task DotnetTest_BadLoadModel_FailsNamingAttributeAndValueAndRunsNoLoad(string method, params string[] fragments)
    {
        var run = await Run.Value;

        var result = run.Get(method);
        Assert.AreEqual("Failed", result.Outcome, run.ToString());
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.ErrorMessage ?? string.Empty, $"{method}'s message lacks \"{fragment}\".");
        }

        Assert.IsEmpty(result.Attachments, "an invalid test has nothing measured to attach");
    }

    private static double P99(JsonElement report) => report.Require("latencyMs").Require("p99").GetDouble();

    private static double[] Targets(JsonElement report) =>
        report.Require("series").EnumerateArray().Select(s => s.Require("target").GetDouble()).ToArray();

    /// <summary>
    /// The series has an entry per second of the run, give or take a few short ones (where the load drained, a timer
    /// that fired a few ms early, the last one after the drain): not an entry per turn of a loop that stopped waiting
    /// once the load had drained before the end (a schedule that is through, a ramp down to 0), hundreds in all.
    /// </summary>
    private static void AssertOneSeriesEntryPerSecond(JsonElement report, int seconds)
    {
        var series = report.Require("series").EnumerateArray().ToList();
        Assert.IsNotEmpty(series);
        Assert.IsLessThanOrEqualTo(seconds + 5, series.Count, "series: " + report.Require("series"));
    }
}

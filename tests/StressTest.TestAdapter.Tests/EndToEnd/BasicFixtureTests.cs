// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/BasicFixture, read back from the TRX: outcomes, messages, standard output,
/// categories, attached reports and setup/teardown. The fixture runs once for the whole class.
/// </summary>
[TestClass]
public sealed class BasicFixtureTests
{
    private static readonly Lazy<Task<FixtureRun>> FullRun = new(() => FixtureProject.Basic.TestAsync("all"));

    private static readonly string[] AllTests =
    [
        "SyncNoOp", "AsyncDelay20", "ThresholdMissed", "AlwaysThrows", "SmokeNoOp", "WithDisplayName",
        "NeedsSetup", "AfterFailingSetup",
    ];

    [TestMethod]
    public async Task DotnetTest_BasicFixture_RunsEveryTestOnceAndExitsWithFailure()
    {
        var run = await FullRun.Value;

        Assert.HasCount(AllTests.Length, run.Trx.Results, run.ToString());
        foreach (var test in AllTests)
        {
            run.Get(test);
        }

        Assert.AreEqual(1, run.Process.ExitCode, "Some tests fail on purpose, so dotnet test must exit with 1." + Environment.NewLine + run);
    }

    [TestMethod]
    [DataRow("SyncNoOp")]
    [DataRow("AsyncDelay20")]
    [DataRow("SmokeNoOp")]
    [DataRow("WithDisplayName")]
    [DataRow("NeedsSetup")]
    public async Task DotnetTest_PassingTest_IsPassedWithoutMessage(string method)
    {
        var run = await FullRun.Value;

        var result = run.Get(method);
        run.AssertPassedWithoutMessage(result);
    }

    [TestMethod]
    public async Task DotnetTest_MissedThreshold_FailsWithMeasuredAndExpectedValue()
    {
        var run = await FullRun.Value;

        var result = run.Get("ThresholdMissed");
        Assert.AreEqual("Failed", result.Outcome, run.ToString());
        Assert.Contains("p95 = ", result.ErrorMessage ?? string.Empty);
        Assert.Contains("expected < 0.001 ms", result.ErrorMessage ?? string.Empty);
    }

    [TestMethod]
    public async Task DotnetTest_ThrowingMethod_FailsNamingTheExceptionAndItsMessage()
    {
        var run = await FullRun.Value;

        var result = run.Get("AlwaysThrows");
        Assert.AreEqual("Failed", result.Outcome, run.ToString());
        Assert.Contains("System.InvalidOperationException", result.ErrorMessage ?? string.Empty);
        Assert.Contains("boom", result.ErrorMessage ?? string.Empty);
        Assert.Contains("error_rate = 100 %", result.ErrorMessage ?? string.Empty);
    }

    [TestMethod]
    public async Task DotnetTest_ThrowingSetup_FailsWithSetupExceptionAndStillRunsTeardown()
    {
        var run = await FullRun.Value;

        var result = run.Get("AfterFailingSetup");
        Assert.AreEqual("Failed", result.Outcome, run.ToString());
        Assert.Contains(
            "[StressSetup] FailingSetupStressTests.Setup threw System.InvalidOperationException: setup failed on purpose",
            result.ErrorMessage ?? string.Empty);
        Assert.IsTrue(run.HasMarker("FailingSetupStressTests.setup"), "setup did not run");
        Assert.IsTrue(run.HasMarker("FailingSetupStressTests.teardown"), "teardown did not run after the failed setup");
        Assert.IsFalse(run.HasMarker("FailingSetupStressTests.invoked"), "the test method ran although its setup failed");
    }

    [TestMethod]
    public async Task DotnetTest_SetupAndTeardown_RunAroundTheLoad()
    {
        var run = await FullRun.Value;

        // NeedsSetup throws on every invocation unless setup ran first; that it passed is checked above.
        Assert.IsTrue(run.HasMarker("LifecycleStressTests.setup"), "setup did not run");
        Assert.IsTrue(run.HasMarker("LifecycleStressTests.teardown"), "teardown did not run");
    }

    [TestMethod]
    public async Task DotnetTest_DisplayName_IsTheTestNameInTheTrx()
    {
        var run = await FullRun.Value;

        var result = run.Get("WithDisplayName");
        Assert.AreEqual("Named stress test", result.DisplayName);
        Assert.AreEqual("BasicFixture.BasicStressTests.WithDisplayName", result.FullyQualifiedName);
    }

    [TestMethod]
    public async Task DotnetTest_Category_IsWrittenAsTestCategory()
    {
        var run = await FullRun.Value;

        CollectionAssert.AreEqual(new[] { "Smoke" }, run.Get("SmokeNoOp").Categories.ToArray());
        Assert.IsEmpty(run.Get("SyncNoOp").Categories);
    }

    [TestMethod]
    public async Task DotnetTest_Summary_IsWrittenToStandardOutput()
    {
        var run = await FullRun.Value;

        var stdout = run.Get("SyncNoOp").StdOut;
        Assert.Contains("SyncNoOp: passed", stdout);
        Assert.Contains("count ", stdout);
        Assert.Contains("p95", stdout);
        Assert.Contains("pass  count = ", stdout);
    }

    [TestMethod]
    public async Task DotnetTest_EveryTest_AttachesEveryReportFormatWithDescriptions()
    {
        var run = await FullRun.Value;

        foreach (var result in run.Trx.Results)
        {
            string[] extensions = [".json", ".html", ".hgrm", ".hlog", ".csv", ".md"];
            Assert.HasCount(extensions.Length, result.Attachments, $"{result}: {string.Join(", ", result.Attachments)}");
            foreach (var extension in extensions)
            {
                Assert.AreEqual(1, result.Attachments.Count(a => a.Path.EndsWith(extension, StringComparison.Ordinal)), $"{extension} of {result}");
            }

            Assert.AreEqual(extensions.Length, result.Attachments.Select(a => a.Description).Distinct().Count(), "each format says what it is");
            foreach (var attachment in result.Attachments)
            {
                Assert.AreEqual("datacollector://stresstest/v1", attachment.CollectorUri);
                Assert.IsFalse(string.IsNullOrWhiteSpace(attachment.Description), $"{attachment.Path} has no description");
                Assert.IsTrue(File.Exists(attachment.Path), $"{attachment.Path} was not copied next to the TRX");
                Assert.IsTrue(new FileInfo(attachment.Path).Length > 0, $"{attachment.Path} is empty");
            }
        }
    }

    [TestMethod]
    public async Task DotnetTest_JsonReport_HasTheDocumentedFields()
    {
        var run = await FullRun.Value;

        var report = ReportJson.Load(run.Get("SyncNoOp"));
        Assert.AreEqual("BasicFixture.BasicStressTests.SyncNoOp", report.Require("test").GetString());
        Assert.AreEqual("passed", report.Require("outcome").GetString());
        Assert.IsTrue(report.Require("startedAt").TryGetDateTimeOffset(out _), "startedAt is not a date");
        Assert.IsGreaterThan(0.2, report.Require("durationSeconds").GetDouble());
        Assert.IsGreaterThan(10L, report.Require("count").GetInt64());
        Assert.AreEqual(0L, report.Require("errors").GetInt64());
        Assert.AreEqual(0.0, report.Require("errorRate").GetDouble());
        Assert.AreEqual(0L, report.Require("dropped").GetInt64());
        Assert.IsGreaterThan(0.0, report.Require("rps").GetDouble());

        var latency = report.Require("latencyMs");
        foreach (var field in new[] { "min", "mean", "p50", "p75", "p90", "p95", "p99", "p99_9", "max" })
        {
            Assert.AreEqual(JsonValueKind.Number, latency.Require(field).ValueKind, $"latencyMs.{field}");
        }

        Assert.IsLessThanOrEqualTo(latency.Require("max").GetDouble(), latency.Require("p50").GetDouble());

        var thresholds = report.Require("thresholds").EnumerateArray().ToList();
        var count = thresholds.Single(t => t.Require("source").GetString() == "count > 10");
        Assert.AreEqual("count", count.Require("metric").GetString());
        Assert.AreEqual(report.Require("count").GetInt64(), count.Require("actual").GetInt64());
        Assert.IsTrue(count.Require("passed").GetBoolean());

        Assert.AreEqual(JsonValueKind.Array, report.Require("errorsByType").ValueKind);
        Assert.AreEqual(JsonValueKind.Array, report.Require("series").ValueKind);
        Assert.IsNotEmpty(report.Require("series").EnumerateArray().ToList());
        Assert.IsFalse(string.IsNullOrEmpty(report.Require("environment").Require("runtime").GetString()));
    }

    [TestMethod]
    public async Task DotnetTest_ThrowingMethod_JsonReportCountsErrorsByType()
    {
        var run = await FullRun.Value;

        var report = ReportJson.Load(run.Get("AlwaysThrows"));
        Assert.AreEqual("failed", report.Require("outcome").GetString());
        Assert.AreEqual(report.Require("count").GetInt64(), report.Require("errors").GetInt64());
        Assert.AreEqual(1.0, report.Require("errorRate").GetDouble());
        var error = report.Require("errorsByType").EnumerateArray().Single();
        Assert.AreEqual("System.InvalidOperationException", error.Require("type").GetString());
        Assert.AreEqual("boom", error.Require("firstMessage").GetString());
    }

    [TestMethod]
    public async Task DotnetTest_TwentyMillisecondDelay_MedianLatencyIsTwentyMilliseconds()
    {
        var run = await FullRun.Value;

        var p50 = ReportJson.Load(run.Get("AsyncDelay20")).Require("latencyMs").Require("p50").GetDouble();

        // A timer fires at the earliest after its due time, and a 2-core machine adds up to a couple of ms.
        Assert.IsInRange(20.0, 23.0, p50);
    }
}

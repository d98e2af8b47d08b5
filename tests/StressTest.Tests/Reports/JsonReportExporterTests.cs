// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Reports;

namespace StressTest.Tests.Reports;

/// <summary>The JSON report's documented field names and values, on fixed run results.</summary>
[TestClass]
public sealed class JsonReportExporterTests
{
    [TestMethod]
    public async Task ExportAsync_MeasuredRun_WritesTheDocumentedFields()
    {
        using var json = await ExportAsync(ReportFixtures.Report(ReportFixtures.Measured()));
        var root = json.RootElement;

        Assert.AreEqual(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.AreEqual("StressTest.Tests.Reports.ReportFixtures.Target.Run", root.GetProperty("test").GetString());
        Assert.AreEqual("Fixed report", root.GetProperty("displayName").GetString());
        Assert.AreEqual("failed", root.GetProperty("outcome").GetString());
        Assert.AreEqual("fixed-run", root.GetProperty("runId").GetString());
        Assert.AreEqual(ReportFixtures.StartedAt, root.GetProperty("startedAt").GetDateTimeOffset());
        Assert.AreEqual(2.0, root.GetProperty("durationSeconds").GetDouble());
        Assert.AreEqual(100, root.GetProperty("count").GetInt64());
        Assert.AreEqual(5, root.GetProperty("errors").GetInt64());
        Assert.AreEqual(0.05, root.GetProperty("errorRate").GetDouble());
        Assert.AreEqual(0, root.GetProperty("dropped").GetInt64());
        Assert.AreEqual(0, root.GetProperty("stuck").GetInt64());
        Assert.AreEqual(50.0, root.GetProperty("rps").GetDouble());
        Assert.AreEqual("actualStart", root.GetProperty("latencyMeasuredFrom").GetString());
        Assert.IsFalse(root.TryGetProperty("latency", out _), "the histogram object is not part of the JSON");

        var plan = root.GetProperty("plan");
        Assert.AreEqual("closed", plan.GetProperty("model").GetString());
        Assert.AreEqual(4, plan.GetProperty("concurrency").GetInt32());
        Assert.AreEqual("500ms", plan.GetProperty("warmUp").GetString());
        Assert.AreEqual("2s", plan.GetProperty("duration").GetString());
        Assert.AreEqual("2s", plan.GetProperty("timeout").GetString());
        Assert.AreEqual(1.0, plan.GetProperty("durationScale").GetDouble());

        var latency = root.GetProperty("latencyMs");
        foreach (var name in new[] { "min", "mean", "p50", "p75", "p90", "p95", "p99", "p99_9", "max" })
        {
            Assert.AreEqual(JsonValueKind.Number, latency.GetProperty(name).ValueKind, name);
        }

        Assert.AreEqual(1.0, latency.GetProperty("min").GetDouble());
        Assert.AreEqual(100.0, latency.GetProperty("p99_9").GetDouble(), 0.1);

        var thresholds = root.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.HasCount(2, thresholds);
        Assert.AreEqual("p99.9 < 50ms", thresholds[0].GetProperty("source").GetString());
        Assert.AreEqual("p99.9", thresholds[0].GetProperty("metric").GetString());
        Assert.AreEqual("<", thresholds[0].GetProperty("operator").GetString());
        Assert.AreEqual(50.0, thresholds[0].GetProperty("limit").GetDouble());
        Assert.AreEqual(100.0, thresholds[0].GetProperty("actual").GetDouble(), 0.1);
        Assert.IsFalse(thresholds[0].GetProperty("passed").GetBoolean());
        Assert.IsFalse(thresholds[0].GetProperty("isDefault").GetBoolean());
        Assert.AreEqual("error_rate", thresholds[1].GetProperty("metric").GetString());
        Assert.AreEqual(0.05, thresholds[1].GetProperty("actual").GetDouble());
        Assert.IsTrue(thresholds[1].GetProperty("passed").GetBoolean());

        var error = root.GetProperty("errorsByType").EnumerateArray().Single();
        Assert.AreEqual("timeout", error.GetProperty("type").GetString());
        Assert.AreEqual(5, error.GetProperty("count").GetInt64());
        Assert.StartsWith("An invocation ran longer", error.GetProperty("firstMessage").GetString());

        var series = root.GetProperty("series").EnumerateArray().ToList();
        Assert.HasCount(2, series);
        Assert.AreEqual(1, series[1].GetProperty("second").GetInt32());
        Assert.AreEqual(1.0, series[1].GetProperty("start").GetDouble());
        Assert.AreEqual(2.0, series[1].GetProperty("end").GetDouble());
        Assert.AreEqual(60, series[1].GetProperty("count").GetInt64());
        Assert.AreEqual(5, series[1].GetProperty("errors").GetInt64());
        Assert.AreEqual(60.0, series[1].GetProperty("rps").GetDouble());
        Assert.AreEqual(JsonValueKind.Number, series[1].GetProperty("p50").ValueKind);
        Assert.AreEqual(JsonValueKind.Number, series[1].GetProperty("p90").ValueKind);
        Assert.AreEqual(ReportFixtures.Measured().Measurements!.Series[1].Latency.P95, series[1].GetProperty("p95").GetDouble());
        Assert.AreEqual(JsonValueKind.Number, series[1].GetProperty("p99").ValueKind);
        Assert.AreEqual(JsonValueKind.Number, series[1].GetProperty("max").ValueKind);

        Assert.AreEqual("[StressTeardown] Target.Teardown threw System.Exception: nope", root.GetProperty("problems").EnumerateArray().Single().GetString());
        Assert.Contains("[StressTeardown]", root.GetProperty("message").GetString()!);

        var environment = root.GetProperty("environment");
        Assert.AreEqual(Environment.ProcessorCount, environment.GetProperty("cores").GetInt32());
        Assert.AreEqual(Environment.MachineName, environment.GetProperty("machine").GetString());
        Assert.IsFalse(string.IsNullOrEmpty(environment.GetProperty("os").GetString()));
        Assert.IsFalse(string.IsNullOrEmpty(environment.GetProperty("runtime").GetString()));
        Assert.IsFalse(string.IsNullOrEmpty(environment.GetProperty("toolVersion").GetString()));
    }

    [TestMethod]
    public async Task ExportAsync_NothingMeasured_WritesNaNAsNull()
    {
        using var json = await ExportAsync(ReportFixtures.Report(ReportFixtures.Unmeasured()));
        var root = json.RootElement;

        foreach (var statistic in root.GetProperty("latencyMs").EnumerateObject())
        {
            Assert.AreEqual(JsonValueKind.Null, statistic.Value.ValueKind, statistic.Name);
        }

        var latencyThreshold = root.GetProperty("thresholds")[0];
        Assert.AreEqual(JsonValueKind.Null, latencyThreshold.GetProperty("actual").ValueKind);
        Assert.IsFalse(latencyThreshold.GetProperty("passed").GetBoolean());
        var second = root.GetProperty("series")[0];
        Assert.AreEqual(JsonValueKind.Null, second.GetProperty("p50").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, second.GetProperty("max").ValueKind);
        Assert.AreEqual(0, second.GetProperty("count").GetInt64());
        Assert.AreEqual(0.0, root.GetProperty("errorRate").GetDouble());
    }

    [TestMethod]
    public async Task ExportAsync_NoLoadRan_WritesZerosAndEmptyLists()
    {
        using var json = await ExportAsync(ReportFixtures.Report(ReportFixtures.NoLoad()));
        var root = json.RootElement;

        Assert.AreEqual(0, root.GetProperty("count").GetInt64());
        Assert.AreEqual(0.0, root.GetProperty("durationSeconds").GetDouble());
        Assert.AreEqual(0, root.GetProperty("thresholds").GetArrayLength());
        Assert.AreEqual(0, root.GetProperty("errorsByType").GetArrayLength());
        Assert.AreEqual(0, root.GetProperty("series").GetArrayLength());
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("latencyMs").GetProperty("p99_9").ValueKind);
    }

    [TestMethod]
    public async Task ExportAsync_PassedRun_WritesNullMessage()
    {
        var report = ReportFixtures.Report(ReportFixtures.Measured()) with { Outcome = "passed", Message = null };

        using var json = await ExportAsync(report);

        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("message").ValueKind);
    }

    [TestMethod]
    public async Task ExportAsync_Operators_AreWrittenReadably()
    {
        var text = await ExportTextAsync(ReportFixtures.Report(ReportFixtures.Measured()));

        Assert.Contains("\"p99.9 < 50ms\"", text);
        Assert.Contains("\"error_rate < 10%\"", text);
    }

    private static async Task<JsonDocument> ExportAsync(StressReport report) => JsonDocument.Parse(await ExportTextAsync(report));

    private static async Task<string> ExportTextAsync(StressReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReportExporter().ExportAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

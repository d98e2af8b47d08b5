// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Reports;

namespace StressTest.Tests.Reports;

/// <summary>The JSON report's HTTP fields (docs/reports.md, "JSON report"): endpoints, steps, checks, checksRate, and errors
/// with category and times, on a fixed run.</summary>
[TestClass]
public sealed class DetailReportTests
{
    [TestMethod]
    public async Task ExportAsync_HttpRun_WritesEndpointsWithStatusCodesAndBytes()
    {
        using var json = await ExportAsync(ReportFixtures.Report(DetailFixtures.Run()));

        var endpoints = json.RootElement.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.HasCount(2, endpoints);
        var orders = endpoints[0];
        Assert.AreEqual("GET /orders/{id}", orders.GetProperty("name").GetString());
        Assert.AreEqual(4, orders.GetProperty("count").GetInt64());
        Assert.AreEqual(1, orders.GetProperty("errors").GetInt64());
        var codes = orders.GetProperty("statusCodes").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())).ToArray();
        Assert.AreSequenceEqual(new[] { ("200", 3L), ("500", 1L) }, codes);
        Assert.AreEqual(2_048, orders.GetProperty("bytesIn").GetInt64());
        Assert.AreEqual(0, orders.GetProperty("bytesOut").GetInt64());
        Assert.AreEqual(5.0, orders.GetProperty("latencyMs").GetProperty("min").GetDouble(), 0.01);
        Assert.AreEqual(8.0, orders.GetProperty("latencyMs").GetProperty("max").GetDouble(), 0.01);
        var list = endpoints[1];
        Assert.AreEqual(1, list.GetProperty("statusCodes").GetProperty("0").GetInt64(), "code 0: no response");
        Assert.AreEqual(64, list.GetProperty("bytesOut").GetInt64());
    }

    [TestMethod]
    public async Task ExportAsync_HttpRun_WritesStepsChecksAndChecksRate()
    {
        using var json = await ExportAsync(ReportFixtures.Report(DetailFixtures.Run()));
        var root = json.RootElement;

        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.AreSequenceEqual(new[] { "get", "list" }, steps.Select(s => s.GetProperty("name").GetString()).ToArray());
        Assert.AreEqual(2, steps[0].GetProperty("count").GetInt64());
        Assert.AreEqual(1, steps[1].GetProperty("errors").GetInt64());
        Assert.AreEqual(30.0, steps[1].GetProperty("latencyMs").GetProperty("p50").GetDouble(), 0.05);

        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.HasCount(2, checks);
        Assert.AreEqual("status is 200", checks[0].GetProperty("name").GetString());
        Assert.AreEqual(8, checks[0].GetProperty("passed").GetInt64());
        Assert.AreEqual(2, checks[0].GetProperty("failed").GetInt64());
        Assert.IsFalse(checks[0].GetProperty("assertion").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, checks[1].GetProperty("passed").ValueKind, "only failures of an assertion are seen");
        Assert.IsTrue(checks[1].GetProperty("assertion").GetBoolean());

        Assert.AreEqual(0.8, root.GetProperty("checksRate").GetDouble(), 1e-12);
    }

    [TestMethod]
    public async Task ExportAsync_HttpRun_WritesErrorsWithCategoryAndTimes()
    {
        using var json = await ExportAsync(ReportFixtures.Report(DetailFixtures.Run()));

        var errors = json.RootElement.GetProperty("errorsByType").EnumerateArray().ToList();
        Assert.HasCount(2, errors);
        Assert.AreEqual("HTTP 500", errors[0].GetProperty("type").GetString());
        Assert.AreEqual("http", errors[0].GetProperty("category").GetString());
        Assert.AreEqual(1.25, errors[0].GetProperty("firstSeconds").GetDouble());
        Assert.AreEqual(1.25, errors[0].GetProperty("lastSeconds").GetDouble());
        Assert.AreEqual("connection_refused", errors[1].GetProperty("category").GetString());
        Assert.AreEqual(0.3, errors[1].GetProperty("firstSeconds").GetDouble());
        Assert.AreEqual(1.9, errors[1].GetProperty("lastSeconds").GetDouble());
        Assert.AreEqual("Connection refused (127.0.0.1:5080)", errors[1].GetProperty("firstMessage").GetString());
    }

    [TestMethod]
    public async Task ExportAsync_StepThresholds_NameTheirStepAndAProblemWhenItNeverRan()
    {
        using var json = await ExportAsync(ReportFixtures.Report(DetailFixtures.Run()));

        var thresholds = json.RootElement.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.AreEqual("get", thresholds[0].GetProperty("step").GetString());
        Assert.AreEqual(JsonValueKind.Null, thresholds[0].GetProperty("problem").ValueKind);
        Assert.IsTrue(thresholds[0].GetProperty("passed").GetBoolean());
        Assert.AreEqual("pay", thresholds[1].GetProperty("step").GetString());
        Assert.StartsWith("step \"pay\" never ran (steps that ran: \"get\", \"list\")", thresholds[1].GetProperty("problem").GetString());
        Assert.AreEqual(JsonValueKind.Null, thresholds[1].GetProperty("actual").ValueKind);
        Assert.IsFalse(thresholds[1].GetProperty("passed").GetBoolean());
        Assert.IsTrue(thresholds[2].GetProperty("isDefault").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, thresholds[2].GetProperty("step").ValueKind);
    }

    [TestMethod]
    public async Task ExportAsync_RunWithoutHttp_WritesEmptyListsAndAFullChecksRate()
    {
        using var json = await ExportAsync(ReportFixtures.Report(ReportFixtures.Measured()));
        var root = json.RootElement;

        Assert.AreEqual(0, root.GetProperty("endpoints").GetArrayLength());
        Assert.AreEqual(0, root.GetProperty("steps").GetArrayLength());
        Assert.AreEqual(0, root.GetProperty("checks").GetArrayLength());
        Assert.AreEqual(1.0, root.GetProperty("checksRate").GetDouble(), "an invocation without checks holds");
        Assert.AreEqual("exception", root.GetProperty("errorsByType")[0].GetProperty("category").GetString(), "the default category");
    }

    [TestMethod]
    public async Task ExportAsync_NoLoadRan_WritesNullChecksRateAndEmptyLists()
    {
        using var json = await ExportAsync(ReportFixtures.Report(ReportFixtures.NoLoad()));
        var root = json.RootElement;

        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("checksRate").ValueKind);
        Assert.AreEqual(0, root.GetProperty("endpoints").GetArrayLength());
        Assert.AreEqual(0, root.GetProperty("steps").GetArrayLength());
        Assert.AreEqual(0, root.GetProperty("checks").GetArrayLength());
    }

    private static async Task<JsonDocument> ExportAsync(StressReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReportExporter().ExportAsync(report, stream, CancellationToken.None);
        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

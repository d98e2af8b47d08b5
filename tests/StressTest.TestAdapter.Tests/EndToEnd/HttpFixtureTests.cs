// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/HttpFixture, whose tests start a Kestrel app on 127.0.0.1 themselves: per-endpoint
/// metrics, steps, checks and accepted status codes in a passing journey, and each error of the taxonomy (500s, a
/// connection cut mid-response, a server that never answers, a server that is down, a failed assertion), redaction
/// and the host guard in tests that fail on purpose. Read back from the TRX and the attached JSON reports; the
/// fixture runs once for the whole class.
/// </summary>
[TestClass]
public sealed class HttpFixtureTests
{
    private static readonly Lazy<Task<FixtureRun>> Run = new(() => FixtureProject.Http.TestAsync("all"));

    private static readonly string[] Passing = ["Journey", "LookupAcceptsNotFound", "BigBodyNotRead", "NamedEndpoint"];

    private static readonly string[] Failing =
        ["ServerErrors", "ConnectionCutMidResponse", "NeverAnswers", "SecretsInMessages", "OutsideAllowedHosts", "AssertionsFail", "UnknownStep", "ServerDown"];

    [TestMethod]
    public async Task DotnetTest_HttpFixture_RunsEveryTestOnceWithTheExpectedOutcome()
    {
        var run = await Run.Value;

        Assert.HasCount(Passing.Length + Failing.Length, run.Trx.Results, run.ToString());
        foreach (var test in Passing)
        {
            var result = run.Get(test);
            Assert.AreEqual("Passed", result.Outcome, $"{result}: {result.ErrorMessage}{Environment.NewLine}{run}");
        }

        foreach (var test in Failing)
        {
            Assert.AreEqual("Failed", run.Get(test).Outcome, run.ToString());
        }
    }

    [TestMethod]
    public async Task Journey_Report_HasEndpointsWithIdsCollapsedStatusCodesAndBytes()
    {
        var report = ReportJson.Load((await Run.Value).Get("Journey"));

        var endpoints = Named(report.Require("endpoints"));
        CollectionAssert.AreEquivalent(new[] { "GET /products", "GET /products/{id}", "POST /orders" }, endpoints.Keys.ToArray(), report.ToString());
        var list = endpoints["GET /products"];
        Assert.IsGreaterThan(10L, list.Require("count").GetInt64());
        Assert.AreEqual(0L, list.Require("errors").GetInt64());
        Assert.AreEqual(list.Require("count").GetInt64(), list.Require("statusCodes").Require("200").GetInt64());
        Assert.IsGreaterThan(0L, list.Require("bytesIn").GetInt64(), "the chunked JSON body is counted as it is read");
        Assert.AreEqual(JsonValueKind.Number, list.Require("latencyMs").Require("p95").ValueKind);
        var create = endpoints["POST /orders"];
        Assert.AreEqual(create.Require("count").GetInt64(), create.Require("statusCodes").Require("201").GetInt64());
        Assert.IsGreaterThan(0L, create.Require("bytesOut").GetInt64());
    }

    [TestMethod]
    public async Task Journey_Report_HasStepsChecksAndPerStepThresholds()
    {
        var report = ReportJson.Load((await Run.Value).Get("Journey"));

        var steps = Named(report.Require("steps"));
        CollectionAssert.AreEquivalent(new[] { "create", "get", "list" }, steps.Keys.ToArray(), report.ToString());
        var count = report.Require("count").GetInt64();
        foreach (var step in steps.Values)
        {
            // Every invocation passes each step once; one still in flight at the window's end may have done only some.
            Assert.IsInRange(count - 8, count, step.Require("count").GetInt64(), report.ToString());
            Assert.AreEqual(0L, step.Require("errors").GetInt64());
            Assert.AreEqual(JsonValueKind.Number, step.Require("latencyMs").Require("p99").ValueKind);
        }

        var checks = Named(report.Require("checks"));
        CollectionAssert.AreEquivalent(new[] { "five products", "order created" }, checks.Keys.ToArray(), report.ToString());
        Assert.IsTrue(checks.Values.All(c => c.Require("failed").GetInt64() == 0 && c.Require("passed").GetInt64() > 0), report.ToString());
        Assert.AreEqual(1.0, report.Require("checksRate").GetDouble());
        var stepThresholds = report.Require("thresholds").EnumerateArray().Where(t => t.Require("step").ValueKind == JsonValueKind.String).ToList();
        CollectionAssert.AreEquivalent(new[] { "list", "create" }, stepThresholds.Select(t => t.Require("step").GetString()).ToArray());
        Assert.IsTrue(stepThresholds.All(t => t.Require("passed").GetBoolean()), report.ToString());
    }

    [TestMethod]
    public async Task AcceptStatus404_NotFoundIsNoError()
    {
        var report = ReportJson.Load((await Run.Value).Get("LookupAcceptsNotFound"));

        var endpoint = Named(report.Require("endpoints"))["GET /products/{id}"];
        Assert.IsGreaterThan(0L, endpoint.Require("statusCodes").Require("404").GetInt64(), report.ToString());
        Assert.IsGreaterThan(0L, endpoint.Require("statusCodes").Require("200").GetInt64(), report.ToString());
        Assert.AreEqual(0L, endpoint.Require("errors").GetInt64());
        Assert.AreEqual(0L, report.Require("errors").GetInt64());
    }

    [TestMethod]
    public async Task BigBodyNotRead_IsNeitherBufferedNorCounted()
    {
        var report = ReportJson.Load((await Run.Value).Get("BigBodyNotRead"));

        var endpoint = Named(report.Require("endpoints"))["GET /big"];
        Assert.IsGreaterThan(0L, endpoint.Require("count").GetInt64());
        // Buffering any response whole would have read 100 MB per request.
        Assert.IsLessThan(100L * 1024 * 1024, endpoint.Require("bytesIn").GetInt64(), report.ToString());
    }

    [TestMethod]
    public async Task NamedRequest_IsReportedUnderItsName()
    {
        var report = ReportJson.Load((await Run.Value).Get("NamedEndpoint"));

        Assert.AreEqual("product page", Assert.ContainsSingle(Named(report.Require("endpoints")).Keys));
    }

    [TestMethod]
    [DataRow("ServerErrors", "http", "HTTP 500", "GET /fail answered 500")]
    [DataRow("ConnectionCutMidResponse", "connection_reset", "connection reset", "Connection reset by peer")]
    [DataRow("NeverAnswers", "timeout", "timeout", "ran longer than Timeout (200 ms)")]
    [DataRow("ServerDown", "connection_refused", "connection refused", "Connection refused")]
    [DataRow("AssertionsFail", "check", "failed check", "every third invocation is wrong")]
    public async Task FailingTest_ErrorIsClassifiedInReportAndMessage(string test, string category, string type, string message)
    {
        var result = (await Run.Value).Get(test);
        var report = ReportJson.Load(result);

        var error = report.Require("errorsByType").EnumerateArray().First();
        Assert.AreEqual(category, error.Require("category").GetString(), report.ToString());
        Assert.AreEqual(type, error.Require("type").GetString());
        Assert.Contains(message, error.Require("firstMessage").GetString()!);
        Assert.IsGreaterThan(0L, error.Require("count").GetInt64());
        var first = error.Require("firstSeconds").GetDouble();
        Assert.IsInRange(0.0, error.Require("lastSeconds").GetDouble(), first);
        Assert.IsLessThan(3.0, error.Require("lastSeconds").GetDouble(), "offsets are seconds into a 1 s window");
        Assert.Contains(type, result.ErrorMessage!);
    }

    [TestMethod]
    public async Task ServerErrors_EndpointCountsEveryResponseAsError()
    {
        var report = ReportJson.Load((await Run.Value).Get("ServerErrors"));

        var endpoint = Named(report.Require("endpoints"))["GET /fail"];
        Assert.AreEqual(endpoint.Require("count").GetInt64(), endpoint.Require("errors").GetInt64());
        Assert.AreEqual(endpoint.Require("count").GetInt64(), endpoint.Require("statusCodes").Require("500").GetInt64());
    }

    [TestMethod]
    public async Task SecretsInMessages_AreRedactedInTheResultAndEveryReport()
    {
        var result = (await Run.Value).Get("SecretsInMessages");
        var reports = result.Attachments.Select(a => (a.Path, Text: File.ReadAllText(a.Path))).ToList();
        Assert.IsTrue(reports.Any(r => r.Path.EndsWith(".html", StringComparison.Ordinal)) && reports.Any(r => r.Path.EndsWith(".md", StringComparison.Ordinal)), string.Join(", ", reports.Select(r => r.Path)));

        foreach (var secret in new[] { "hunter2", "eyJhbGciOiJIUzI1NiJ9", "secret-part", "swordfish" })
        {
            Assert.DoesNotContain(secret, result.ErrorMessage!);
            Assert.DoesNotContain(secret, result.StdOut);
            foreach (var (path, text) in reports)
            {
                Assert.DoesNotContain(secret, text, path);
            }
        }

        Assert.Contains("api_key=***", result.ErrorMessage!);
        Assert.Contains("Authorization: ***", result.ErrorMessage!);
    }

    [TestMethod]
    public async Task OutsideAllowedHosts_FailsNamingTheHostAndTheSetting()
    {
        var result = (await Run.Value).Get("OutsideAllowedHosts");

        Assert.Contains("refused to send a request to host \"stress-not-allowed.example\"", result.ErrorMessage!);
        Assert.Contains("StressTest.AllowedHosts=stress-not-allowed.example", result.ErrorMessage!);
    }

    [TestMethod]
    public async Task AssertionsFail_CountAsFailedChecksGroupedByMessage()
    {
        var result = (await Run.Value).Get("AssertionsFail");
        var report = ReportJson.Load(result);

        var check = Assert.ContainsSingle(report.Require("checks").EnumerateArray());
        Assert.IsTrue(check.Require("assertion").GetBoolean());
        Assert.Contains("every third invocation is wrong", check.Require("name").GetString()!);
        Assert.AreEqual(JsonValueKind.Null, check.Require("passed").ValueKind);
        // Every third invocation fails its assertion: about a third of the run, in the error rate and the checks rate.
        Assert.IsInRange(0.6, 0.7, report.Require("checksRate").GetDouble(), report.ToString());
        Assert.AreEqual(check.Require("failed").GetInt64(), report.Require("errors").GetInt64());
        Assert.Contains("checks = ", result.ErrorMessage!);
    }

    [TestMethod]
    public async Task UnknownStep_FailsNamingTheStepsThatRan()
    {
        var result = (await Run.Value).Get("UnknownStep");

        Assert.Contains("step \"chekout\" never ran (steps that ran: \"checkout\")", result.ErrorMessage!);
    }

    private static Dictionary<string, JsonElement> Named(JsonElement array) =>
        array.EnumerateArray().ToDictionary(e => e.Require("name").GetString()!, e => e);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Aggregation;
using StressTest.Plan.Methods;
using StressTest.Runner;
using StressTest.Tests.Reports;

namespace StressTest.Tests.Runner;

/// <summary>The summary's endpoint and step tables and checks line: one aligned row per name, status codes spelled
/// out, nothing when nothing was named.</summary>
[TestClass]
public sealed class DetailTextTests
{
    [TestMethod]
    public void Append_Endpoints_PrintsAHeaderAndOneRowPerEndpoint()
    {
        var lines = Lines(DetailFixtures.Run().Measurements!);

        var header = lines.Single(l => l.TrimStart().StartsWith("endpoint", StringComparison.Ordinal));
        Assert.Contains("count", header);
        Assert.Contains("errors", header);
        Assert.Contains("p95 ms", header);
        Assert.EndsWith("status codes", header.TrimEnd());
        var orders = Row(lines, "GET /orders/{id}");
        Assert.AreEqual("4", orders[0]);
        Assert.AreEqual("1", orders[1]);
        Assert.Contains("200×3 500×1", string.Join(" ", orders));
        var list = Row(lines, "GET /orders");
        Assert.AreEqual("1", list[0]);
        Assert.Contains("none×1", string.Join(" ", list), "code 0 reads as no response");
    }

    [TestMethod]
    public void Append_Endpoints_AlignsTheColumns()
    {
        var lines = Lines(DetailFixtures.Run().Measurements!);

        var header = lines.Single(l => l.TrimStart().StartsWith("endpoint", StringComparison.Ordinal));
        var rows = lines.Where(l => l.StartsWith("  GET ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, rows);
        var countEnd = header.IndexOf("count", StringComparison.Ordinal) + "count".Length;
        foreach (var row in rows)
        {
            Assert.AreNotEqual(' ', row[countEnd - 1], $"counts end under the header's 'count': \n{header}\n{row}");
            Assert.AreEqual(' ', row[countEnd], row);
        }
    }

    [TestMethod]
    public void Append_Steps_PrintsAStepTable()
    {
        var lines = Lines(DetailFixtures.Run().Measurements!);

        Assert.ContainsSingle(lines.Where(l => l.TrimStart().StartsWith("step ", StringComparison.Ordinal)));
        var get = Row(lines, "get");
        Assert.AreEqual("2", get[0]);
        Assert.AreEqual("0", get[1]);
        var list = Row(lines, "list");
        Assert.AreEqual("1", list[1]);
        Assert.AreEqual("30", list[2].Split('.')[0], "p50 in ms");
    }

    [TestMethod]
    public void Append_Checks_PrintsTheShareHeldAndTheFailedChecks()
    {
        var lines = Lines(DetailFixtures.Run().Measurements!);

        var checks = lines.Single(l => l.StartsWith("  checks ", StringComparison.Ordinal));
        Assert.StartsWith("  checks 80 % of invocations held all their checks; failed: ", checks);
        Assert.Contains("\"status is 200\" ×2", checks);
        Assert.Contains("\"Assert.AreEqual failed. Expected:<3>. Actual:<2>.\" ×1", checks);
    }

    [TestMethod]
    public void Append_NothingNamed_AppendsNothing()
    {
        var text = new StringBuilder();
        var m = new RunMeasurements(DetailFixtures.Histogram(1), [], [], TimeSpan.FromSeconds(1), 0, false, []);

        DetailText.Append(text, m);

        Assert.AreEqual(0, text.Length);
    }

    [TestMethod]
    public void Append_ChecksAllHeld_ListsNoFailures()
    {
        var m = new RunMeasurements(DetailFixtures.Histogram(1, 1), [], [], TimeSpan.FromSeconds(1), 0, false, [])
        {
            Checks = [new CheckMeasurement("ok", 2, 0, IsAssertion: false)],
        };

        var line = Assert.ContainsSingle(Lines(m));

        Assert.AreEqual("  checks 100 % of invocations held all their checks", line);
    }

    [TestMethod]
    public void Append_LongEndpointName_IsCutToTheColumnWithAnEllipsis()
    {
        var name = "GET /" + new string('a', 80);
        var m = new RunMeasurements(DetailFixtures.Histogram(1), [], [], TimeSpan.FromSeconds(1), 0, false, [])
        {
            Endpoints = [new EndpointMeasurement(name, DetailFixtures.Histogram(1), 0, [new(200, 1)], 0, 0)],
        };

        var row = Lines(m).Single(l => l.StartsWith("  GET /", StringComparison.Ordinal));

        Assert.StartsWith("  " + name[..47] + "…", row);
        Assert.DoesNotContain(name, row);
    }

    [TestMethod]
    public void Append_MoreThan20Endpoints_PrintsTheFirst20()
    {
        var endpoints = Enumerable.Range(0, 25)
            .Select(i => new EndpointMeasurement($"GET /e{i:00}", DetailFixtures.Histogram(1), 0, [new(200, 25 - i)], 0, 0))
            .ToList();
        var m = new RunMeasurements(DetailFixtures.Histogram(1), [], [], TimeSpan.FromSeconds(1), 0, false, []) { Endpoints = endpoints };

        var rows = Lines(m).Where(l => l.StartsWith("  GET /e", StringComparison.Ordinal)).ToList();

        Assert.HasCount(20, rows);
        Assert.StartsWith("  GET /e19", rows[^1]);
    }

    [TestMethod]
    public void Append_LargeCounts_UseThousandsSeparators()
    {
        var m = new RunMeasurements(DetailFixtures.Histogram(1), [], [], TimeSpan.FromSeconds(1), 0, false, [])
        {
            Endpoints = [new EndpointMeasurement("GET /", DetailFixtures.Histogram(1), 1_500, [new(200, 1_234_567)], 0, 0)],
        };

        var row = Row(Lines(m), "GET /");

        Assert.AreEqual("1,234,567", row[0]);
        Assert.AreEqual("1,500", row[1]);
        Assert.Contains("200×1,234,567", string.Join(" ", row));
    }

    [TestMethod]
    public void Summary_HttpRun_PutsTheTablesBetweenLatencyAndThresholds()
    {
        var summary = ResultText.Summary(DetailFixtures.Run());

        var latency = summary.IndexOf("  latency ms", StringComparison.Ordinal);
        var endpoints = summary.IndexOf("  endpoint ", StringComparison.Ordinal);
        var steps = summary.IndexOf("  step ", StringComparison.Ordinal);
        var thresholds = summary.IndexOf("  FAIL  step \"pay\" p95: step \"pay\" never ran", StringComparison.Ordinal);
        Assert.IsTrue(latency >= 0 && latency < endpoints && endpoints < steps && steps < thresholds, summary);
    }

    private static List<string> Lines(RunMeasurements m)
    {
        var text = new StringBuilder();
        DetailText.Append(text, m);
        return [.. text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The cells after the name of the row for <paramref name="name"/>: count, errors, p50, p95, p99, extra.</summary>
    private static string[] Row(List<string> lines, string name)
    {
        var row = lines.Single(l => l.StartsWith("  " + name + " ", StringComparison.Ordinal));
        return row[(2 + name.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}

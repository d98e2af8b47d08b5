// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Aggregation;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Runner;
using StressTest.Tests.Reports;

namespace StressTest.Tests.Runner;

/// <summary>Progress while a test runs: the JSON rewritten every interval, one line per ProgressInterval at most.</summary>
[TestClass]
public sealed class ProgressReporterTests
{
    [TestMethod]
    public async Task OnIntervalAsync_EveryInterval_RewritesTheJsonReportAsRunning()
    {
        var directory = Directory.CreateTempSubdirectory("progress").FullName;
        try
        {
            var reporter = new ProgressReporter(directory, onLine: null, TimeSpan.FromSeconds(5));

            await reporter.OnIntervalAsync(Progress(ReportFixtures.Measured()));

            var json = Assert.ContainsSingle(Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories));
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            Assert.AreEqual("running", report.RootElement.GetProperty("outcome").GetString());
            Assert.AreEqual(100, report.RootElement.GetProperty("count").GetInt64());
            Assert.IsEmpty(Directory.GetFiles(directory, "*.hgrm", SearchOption.AllDirectories), "only the JSON while running");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public async Task OnIntervalAsync_IntervalsShorterThanTheSetting_WritesOneLinePerProgressInterval()
    {
        var lines = new List<string>();
        var reporter = new ProgressReporter(Path.GetTempPath(), lines.Add, TimeSpan.FromSeconds(2));
        var windows = 0;

        foreach (var second in new[] { 1.0, 2.0, 3.0, 4.0, 5.0 })
        {
            await reporter.OnIntervalAsync(Progress(ReportFixtures.Measured(), second, () => windows++));
        }

        // Lines at 2 s and 4 s: each at least 2 s of measured time after the previous one.
        Assert.HasCount(2, lines);
        Assert.AreEqual(2, windows, "the window is taken only for a line");
        Assert.StartsWith("Fixed report: 2 s of 2 s", lines[0]);
        Assert.StartsWith("Fixed report: 2 s of 2 s", lines[1], "the last interval may end after the window; the line never says \"4 s of 2 s\"");
    }

    [TestMethod]
    public async Task OnIntervalAsync_IntervalZero_WritesNoLine()
    {
        var lines = new List<string>();
        var reporter = new ProgressReporter(Path.GetTempPath(), lines.Add, TimeSpan.Zero);

        await reporter.OnIntervalAsync(Progress(ReportFixtures.Measured(), seconds: 10));

        Assert.IsEmpty(lines);
    }

    [TestMethod]
    public void Line_MeasuredRun_ShowsElapsedRateWindowP95AndErrors()
    {
        var line = ProgressReporter.Line(ReportFixtures.Measured(), windowP95: 12.345, TimeSpan.FromSeconds(5));

        Assert.AreEqual("Fixed report: 2 s of 2 s, 50.0/s, p95 12.3 ms (last 5 s), errors 5 (5 %)", line);
    }

    private static RunProgress Progress(StressRunResult result, double seconds = 2, Action? onWindow = null)
    {
        var m = result.Measurements!;
        var soFar = result with
        {
            Verdict = Verdict.Running([]),
            Measurements = new RunMeasurements(m.Latency, m.Series, m.ErrorsByKind, TimeSpan.FromSeconds(seconds), 0, false, []),
        };
        return new RunProgress(soFar, () =>
        {
            onWindow?.Invoke();
            return LatencySummary.From(m.Latency);
        });
    }
}

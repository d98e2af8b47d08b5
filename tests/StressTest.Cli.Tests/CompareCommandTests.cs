// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Tests.Evaluation.Baselines;

namespace StressTest.Cli.Tests;

/// <summary><c>stresstest compare</c> end to end through the command line: files in, table out, exit code by the
/// verdict (0 passed, 1 regressed, 2 bad input).</summary>
[TestClass]
public sealed class CompareCommandTests
{
    private static readonly RunShape Quiet = new(SecondNoise: 0.02, Seconds: 10);

    [TestMethod]
    public async Task Compare_SameCode_ExitsZeroWithUnchangedVerdicts()
    {
        using var files = new ReportFiles();
        var baseline = files.Write("baseline.json", new SyntheticRuns().Run(Quiet, 1));
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet, 2));

        var (exitCode, output, error) = await RunAsync("compare", baseline, current);

        Assert.AreEqual(0, exitCode, output + error);
        Assert.StartsWith("Synthetic.Tests.Run: passed", output);
        Assert.Contains("threshold", output);
        Assert.Contains("change [95 % interval]", output);
        Assert.Contains("p95 <= baseline + 10%", output, "without rules of its own, the default thresholds apply");
        Assert.Contains("rps >= baseline - 10%", output);
        Assert.Contains("unchanged", output);
        Assert.AreEqual(string.Empty, error);
    }

    [TestMethod]
    public async Task Compare_ThirtyPercentSlower_ExitsOneWithRegressed()
    {
        using var files = new ReportFiles();
        var baseline = files.Write("baseline.json", new SyntheticRuns().Run(Quiet, 1));
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet with { Shift = 1.3 }, 2));

        var (exitCode, output, _) = await RunAsync("compare", baseline, current, "--threshold", "p95 < baseline + 10%");

        Assert.AreEqual(1, exitCode, output);
        Assert.StartsWith("Synthetic.Tests.Run: REGRESSED", output);
        Assert.Contains("regressed", output);
        Assert.DoesNotContain("p50 <= baseline", output, "--threshold replaces the defaults");
    }

    [TestMethod]
    public async Task Compare_Markdown_PrintsATableForAPullRequest()
    {
        using var files = new ReportFiles();
        var baseline = files.Write("baseline.json", new SyntheticRuns().Run(Quiet, 1));
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet with { Shift = 1.3 }, 2));

        var (exitCode, output, _) = await RunAsync("compare", baseline, current, "--markdown", "-t", "p95 < baseline + 10%", "-t", "error_rate <= baseline + 1%");

        Assert.AreEqual(1, exitCode);
        Assert.StartsWith("### `Synthetic.Tests.Run`: REGRESSED", output);
        Assert.Contains("| threshold | baseline | current | change [95 % interval] | limit | verdict |", output);
        Assert.Contains("| `p95 < baseline + 10%` | ", output);
        Assert.Contains("| ❌ regressed |", output);
        Assert.Contains("| `error_rate <= baseline + 1%` | 0 % | 0 % | +0.00 pp [+0.00 pp, +0.00 pp] | <= 1 % | unchanged |", output);
    }

    [TestMethod]
    public async Task Compare_CurrentReportWithComparisons_UsesTheThresholdsItWasJudgedBy()
    {
        using var files = new ReportFiles();
        var baseline = files.Write("baseline.json", new SyntheticRuns().Run(Quiet, 1));
        var judged = new SyntheticRuns().Run(Quiet, 2) with
        {
            Comparisons = [new ReportComparison("p99 <= baseline * 1.5", "p99", "<=", "unchanged", true, 1, 1.5, 1, 0, 0, 0, "%", 10, 10, null)],
        };
        var current = files.Write("current.json", judged);

        var (exitCode, output, _) = await RunAsync("compare", baseline, current);

        Assert.AreEqual(0, exitCode, output);
        Assert.Contains("p99 <= baseline * 1.5", output);
        Assert.DoesNotContain("p95 <= baseline", output);
    }

    [TestMethod]
    public async Task Compare_ReportsOfDifferentTests_ExitsTwoNamingBoth()
    {
        using var files = new ReportFiles();
        var baseline = files.Write("baseline.json", new SyntheticRuns().Run(Quiet, 1) with { Test = "Shop.Tests.Browse" });
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet, 2));

        var (exitCode, output, error) = await RunAsync("compare", baseline, current);

        Assert.AreEqual(2, exitCode);
        Assert.AreEqual(string.Empty, output);
        Assert.Contains("the reports are of different tests: Shop.Tests.Browse (", error);
        Assert.Contains("and Synthetic.Tests.Run (", error);
    }

    [TestMethod]
    [DataRow("{\"schemaVersion\": 1, \"test\": ", "The baseline ", "is corrupt")]
    [DataRow("{\"schemaVersion\": 7}", "The baseline ", "has schema version 7, newer than this StressTest reads (1)")]
    [DataRow("{}", "The baseline ", "is not a StressTest report")]
    public async Task Compare_BadBaselineFile_ExitsTwoSayingWhat(string json, string role, string problem)
    {
        using var files = new ReportFiles();
        var baseline = files.WriteText("baseline.json", json);
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet, 2));

        var (exitCode, _, error) = await RunAsync("compare", baseline, current);

        Assert.AreEqual(2, exitCode);
        Assert.Contains(role + baseline + " " + problem, error);
    }

    [TestMethod]
    public async Task Compare_MissingFile_ExitsTwo()
    {
        using var files = new ReportFiles();
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet, 2));
        var missing = Path.Combine(files.Folder, "nope.json");

        var (exitCode, _, error) = await RunAsync("compare", missing, current);

        Assert.AreEqual(2, exitCode);
        Assert.Contains($"the baseline {missing} does not exist", error);
    }

    [TestMethod]
    [DataRow("p95 < baseline + 10 parsecs", "unknown unit \"parsecs\"")]
    [DataRow("p95 < 150ms", "does not compare with the baseline")]
    public async Task Compare_BadThreshold_ExitsTwoWithTheParsersMessage(string threshold, string fragment)
    {
        using var files = new ReportFiles();
        var baseline = files.Write("baseline.json", new SyntheticRuns().Run(Quiet, 1));
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet, 2));

        var (exitCode, _, error) = await RunAsync("compare", baseline, current, "--threshold", threshold);

        Assert.AreEqual(2, exitCode);
        Assert.Contains(fragment, error);
    }

    [TestMethod]
    public async Task Compare_MachinesDiffer_WarnsButStillJudges()
    {
        using var files = new ReportFiles();
        var report = new SyntheticRuns().Run(Quiet, 1);
        var baseline = files.Write("baseline.json", report with { Environment = report.Environment with { Cores = 8 } });
        var current = files.Write("current.json", new SyntheticRuns().Run(Quiet, 2));

        var (exitCode, output, _) = await RunAsync("compare", baseline, current);

        Assert.AreEqual(0, exitCode);
        Assert.Contains("warning: the baseline was measured on another machine fingerprint (cores \"8\" → \"2\")", output);
    }

    [TestMethod]
    [DataRow("compare")]
    [DataRow("compare", "a.json", "b.json", "--frobnicate")]
    [DataRow("bogus")]
    public async Task Main_BadCommandLine_ExitsTwo(params string[] args) =>
        Assert.AreEqual(2, (await RunAsync(args)).ExitCode);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Report files in a temporary folder, removed afterwards.</summary>
    private sealed class ReportFiles : IDisposable
    {
        public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "stresstest-cli-" + Guid.NewGuid().ToString("N"))).FullName;

        public string Write(string name, StressReport report) => WriteText(name, JsonSerializer.Serialize(report, JsonReportExporter.Options));

        public string WriteText(string name, string text)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}

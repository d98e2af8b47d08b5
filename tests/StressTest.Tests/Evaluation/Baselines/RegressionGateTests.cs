// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Evaluation;
using StressTest.Plan.Discovery;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Runner;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Evaluation.Baselines;

/// <summary>
/// The gate through the engine's front door on the fake clock: record a baseline (creating its folder), pass
/// unchanged, fail 40 % slower with the regression message, warn or fail without a baseline, refuse a corrupt one
/// before any load, skip a test outside its profile. Every second of a fake run is identical, so the verdicts are exact.
/// The tests share the target's probe and delay, so they do not run in parallel.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RegressionGateTests
{
    [TestMethod]
    public async Task RunAsync_RecordThenCompare_UnchangedPassesAndFortyPercentSlowerFails()
    {
        using var folders = new Folders();
        var record = await RunAsync(TimeSpan.FromMilliseconds(10), folders, ("UpdateBaselines", "true"));

        Assert.AreEqual(RunOutcome.Passed, record.Outcome, record.Message);
        Assert.IsTrue(File.Exists(folders.BaselineFile), "the baseline and its missing folders are created");
        Assert.Contains($"baseline recorded: {folders.BaselineFile}", record.Summary);
        Assert.Contains("p95 < baseline + 10%: no baseline", record.Summary, "the first run has nothing to compare with");

        var unchanged = await RunAsync(TimeSpan.FromMilliseconds(10), folders);

        Assert.AreEqual(RunOutcome.Passed, unchanged.Outcome, unchanged.Message);
        Assert.Contains("pass  p95 = 10.007 ms, baseline 10.007 ms: +0.0 % [+0.0 %, +0.0 %], expected p95 < baseline + 10% (< 11.008 ms): unchanged", unchanged.Summary);
        Assert.IsEmpty(unchanged.Warnings.Except(DebugBuild.Warnings));
        var report = Report(unchanged);
        var comparison = report.GetProperty("comparisons")[0];
        Assert.AreEqual("unchanged", comparison.GetProperty("verdict").GetString());
        Assert.AreEqual(6, comparison.GetProperty("currentSeconds").GetInt32());
        Assert.AreEqual("compared", report.GetProperty("baseline").GetProperty("status").GetString());
        Assert.IsGreaterThan(10, report.GetProperty("latencyHistogram").GetString()!.Length);

        var slower = await RunAsync(TimeSpan.FromMilliseconds(14), folders);

        Assert.AreEqual(RunOutcome.Failed, slower.Outcome);
        Assert.Contains("p95 = 14.007 ms, baseline 10.007 ms: +40.0 % [+40.0 %, +40.0 %], expected p95 < baseline + 10% (< 11.008 ms): regressed", slower.Message);
        Assert.DoesNotContain("The load itself passed", slower.Message, "a regression is the load's own verdict, not a cleanup failure beside it");
        Assert.Contains("FAIL  p95 = 14.007 ms", slower.Summary);
        Assert.AreEqual("regressed", Report(slower).GetProperty("comparisons")[0].GetProperty("verdict").GetString());
    }

    [TestMethod]
    public async Task RunAsync_NoBaseline_PassesWithAWarningByDefaultAndFailsWhenAskedTo()
    {
        using var folders = new Folders();

        var warned = await RunAsync(TimeSpan.FromMilliseconds(10), folders);
        var failed = await RunAsync(TimeSpan.FromMilliseconds(10), folders, ("NoBaseline", "fail"));

        Assert.AreEqual(RunOutcome.Passed, warned.Outcome, warned.Message);
        var warning = Assert.ContainsSingle(warned.Warnings.Except(DebugBuild.Warnings));
        Assert.Contains($"no baseline at {folders.BaselineFile}", warning);
        Assert.AreEqual(RunOutcome.Failed, failed.Outcome);
        Assert.Contains("p95 < baseline + 10% have no baseline (no file", failed.Message);
        Assert.Contains("the NoBaseline setting is fail, so no load ran; record one with StressTest.UpdateBaselines=true", failed.Message);
        Assert.AreEqual(0, Targets.Probe.Invocations, "a missing baseline with NoBaseline = fail is known before the load");
    }

    [TestMethod]
    public async Task RunAsync_CorruptBaseline_FailsBeforeAnyLoad()
    {
        using var folders = new Folders();
        Directory.CreateDirectory(Path.GetDirectoryName(folders.BaselineFile)!);
        await File.WriteAllTextAsync(folders.BaselineFile, "{\"schemaVersion\": 1, \"test\": \"");
        var probe = Targets.Probe = new TargetProbe();

        var record = await new StressTestRunner(probe.Clock).RunAsync(Declaration(), Settings(folders), folders.Results, CancellationToken.None).WaitAsync(TestClock.Guard);

        Assert.AreEqual(RunOutcome.Failed, record.Outcome);
        Assert.StartsWith($"Baseline {folders.BaselineFile} is corrupt", record.Message);
        Assert.AreEqual(0, probe.Invocations);
    }

    [TestMethod]
    public async Task RunAsync_TestOfAnotherProfile_IsSkippedSayingWhy()
    {
        using var folders = new Folders();
        var probe = Targets.Probe = new TargetProbe();

        var record = await new StressTestRunner(probe.Clock)
            .RunAsync(Plans.Declaration(typeof(Targets), nameof(Targets.NightlyOnly)), Settings(folders, ("Profile", "smoke")), folders.Results, CancellationToken.None)
            .WaitAsync(TestClock.Guard);

        Assert.AreEqual(RunOutcome.Skipped, record.Outcome);
        Assert.StartsWith("Skipped: runs only in profile nightly; this run's profile is smoke.", record.Message);
        Assert.AreEqual(0, probe.Invocations);
    }

    private static async Task<TestRunRecord> RunAsync(TimeSpan delay, Folders folders, params (string Key, string Value)[] settings)
    {
        var probe = Targets.Probe = new TargetProbe();
        Targets.Delay = delay;
        return await new StressTestRunner(probe.Clock).RunAsync(Declaration(), Settings(folders, settings), folders.Results, CancellationToken.None).WaitAsync(TestClock.Guard);
    }

    private static StressTestDeclaration Declaration() => Plans.Declaration(typeof(Targets), nameof(Targets.Gated));

    private static SettingsParseResult Settings(Folders folders, params (string Key, string Value)[] settings) =>
        StressSettingsParser.Parse(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)).Append(KeyValuePair.Create("BaselineDirectory", folders.Baselines)));

    private static JsonElement Report(TestRunRecord record)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(record.Files.Single(f => f.Path.EndsWith(".json", StringComparison.Ordinal)).Path));
        return document.RootElement.Clone();
    }

    /// <summary>A results folder and a baseline folder that does not exist yet, both removed afterwards.</summary>
    private sealed class Folders : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "stresstest-gate-" + Guid.NewGuid().ToString("N"));

        public string Results => Path.Combine(_root, "results");

        public string Baselines => Path.Combine(_root, "not", "yet", "baselines");

        public string BaselineFile => Path.Combine(Baselines, "default", "StressTest.Tests.Evaluation.Baselines.RegressionGateTests.Targets.Gated.json");

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    public static class Targets
    {
        public static TargetProbe Probe { get; set; } = new();

        public static TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(10);

        [StressTest(Duration = "6s")]
        [Threshold("p95 < baseline + 10%")]
        public static void Gated(StressContext context)
        {
            Probe.Hit();
            Probe.Clock.Step(context, Delay);
        }

        [StressTest(Duration = "1s", Profiles = "nightly")]
        public static void NightlyOnly(StressContext context)
        {
            Probe.Hit();
            Probe.Clock.Step(context, Delay);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Runner;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Runner;

/// <summary>The engine's front door: declaration and settings in, a record with message, summary and files out.</summary>
[TestClass]
public sealed class StressTestRunnerTests
{
    private static readonly SettingsParseResult NoSettings = new(StressSettings.Default, [], []);

    [TestMethod]
    public async Task RunAsync_InvalidPlan_FailsWithEveryProblemAndRunsNothing()
    {
        var probe = Targets.Invalid.Probe = new TargetProbe();
        var runner = new StressTestRunner(probe.Clock);

        var record = await runner.RunAsync(Plans.Declaration(typeof(Targets.Invalid), nameof(Targets.Invalid.Run)), NoSettings, UnusedDirectory(), CancellationToken.None);

        Assert.AreEqual(RunOutcome.Failed, record.Outcome);
        Assert.Contains("[StressTest(Duration = \"forever\")]", record.Message);
        Assert.Contains("[Threshold]: ", record.Message);
        Assert.IsEmpty(record.Files);
        Assert.AreEqual(0, probe.Invocations);
    }

    [TestMethod]
    public async Task RunAsync_SettingsErrors_FailWithTheSettingsMessage()
    {
        var probe = Targets.NeverRun.Probe = new TargetProbe();
        var settings = StressSettingsParser.Parse([KeyValuePair.Create("DurationScale", "fast")]);
        var runner = new StressTestRunner(probe.Clock);

        var record = await runner.RunAsync(Plans.Declaration(typeof(Targets.NeverRun), nameof(Targets.NeverRun.Run)), settings, UnusedDirectory(), CancellationToken.None);

        Assert.AreEqual(RunOutcome.Failed, record.Outcome);
        Assert.StartsWith("Setting StressTest.DurationScale = \"fast\" is invalid", record.Message);
        Assert.AreEqual(0, probe.Invocations);
    }

    [TestMethod]
    public async Task RunAsync_ValidPlan_PassesWithSummaryAndReportFiles()
    {
        var probe = Targets.Valid.Probe = new TargetProbe();
        var directory = UnusedDirectory();
        try
        {
            var runner = new StressTestRunner(probe.Clock);

            var record = await runner.RunAsync(Plans.Declaration(typeof(Targets.Valid), nameof(Targets.Valid.Run)), NoSettings, directory, CancellationToken.None)
                .WaitAsync(TestClock.Guard);

            Assert.AreEqual(RunOutcome.Passed, record.Outcome, record.Message);
            Assert.AreEqual(DebugBuild.Message, record.Message, "nothing but the warning a Debug build of these tests rightly gets");
            Assert.StartsWith("Valid run: passed (closed model, 1 worker(s), warm-up auto, measured 1 s)", record.Summary);
            Assert.Contains("count 100  rps 100.0  errors 0 (0 %)", record.Summary);
            Assert.Contains("pass  p99 = 10.007 ms, expected < 11 ms", record.Summary);
            Assert.HasCount(6, record.Files, "json, html, hgrm, hlog, csv and md");
            Assert.IsTrue(record.Files.All(f => File.Exists(f.Path) && f.Path.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal)));
            Assert.AreEqual(TimeSpan.FromSeconds(1), record.Elapsed);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [TestMethod]
    public async Task RunAsync_ReportsCannotBeWritten_FailsNamingTheDirectory()
    {
        var probe = Targets.Unwritable.Probe = new TargetProbe();
        var blocker = Path.Combine(Path.GetTempPath(), "stresstest-file-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "a file where the results directory should be");
        try
        {
            var runner = new StressTestRunner(probe.Clock);

            var record = await runner.RunAsync(Plans.Declaration(typeof(Targets.Unwritable), nameof(Targets.Unwritable.Run)), NoSettings, blocker, CancellationToken.None)
                .WaitAsync(TestClock.Guard);

            Assert.AreEqual(RunOutcome.Failed, record.Outcome);
            Assert.StartsWith($"Reports cannot be written to {blocker} (IOException: ", record.Message);
            Assert.EndsWith("so no load ran; point the StressTest.ResultsDirectory setting (or dotnet test --results-directory) at a writable folder.", record.Message);
            Assert.IsEmpty(record.Files);
            Assert.AreEqual(0, probe.Invocations, "a folder that cannot be written is known before the load");
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    private static string UnusedDirectory() => Path.Combine(Path.GetTempPath(), "stresstest-runner-" + Guid.NewGuid().ToString("N"));

    public static class Targets
    {
        private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

        public static class Invalid
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "forever")]
            [Threshold("p99 <<< 1ms")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class Valid
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s", DisplayName = "Valid run")]
            [Threshold("p99 < 11ms")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class NeverRun
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class Unwritable
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Probe.Hit();
                Probe.Clock.Step(context, TenMs);
            }
        }
    }
}

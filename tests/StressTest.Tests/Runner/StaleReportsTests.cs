// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Runner;
using StressTest.Tests.Reports;

namespace StressTest.Tests.Runner;

/// <summary>
/// What a crashed or killed test host leaves (item 4 of issue 16): every test writes its report, "running", with its
/// host, before any of its code runs; a later run marks those whose host is gone as crashed. A skipped test leaves none.
/// </summary>
[TestClass]
public sealed class StaleReportsTests
{
    [TestMethod]
    public async Task StartedAsync_BeforeAnyCodeRuns_WritesARunningReportWithThisHost()
    {
        using var folder = new Folder();
        var reporter = new ProgressReporter(folder.Run, onLine: null, TimeSpan.Zero);

        await reporter.StartedAsync(ReportFixtures.Measured().Plan, "run-1", ReportFixtures.StartedAt);

        var report = Read(folder.Run);
        Assert.AreEqual("running", report.GetProperty("outcome").GetString());
        Assert.AreEqual(Environment.ProcessId, report.GetProperty("host").GetProperty("processId").GetInt32());
        Assert.AreEqual(0, report.GetProperty("count").GetInt64());
    }

    [TestMethod]
    public async Task Discard_SkippedTest_LeavesNoRunningReport()
    {
        using var folder = new Folder();
        var reporter = new ProgressReporter(folder.Run, onLine: null, TimeSpan.Zero);
        await reporter.StartedAsync(ReportFixtures.Measured().Plan, "run-1", ReportFixtures.StartedAt);

        reporter.Discard();

        Assert.IsEmpty(Directory.GetFiles(folder.Run, "*", SearchOption.AllDirectories));
    }

    [TestMethod]
    public async Task MarkCrashed_RunningReportOfAHostThatIsGone_IsMarkedAndNamed()
    {
        using var folder = new Folder();
        var path = await WriteRunningAsync(folder.Run, hostProcessId: DeadProcessId());

        var marked = StaleReports.MarkCrashed(folder.Root);

        var (test, markedPath) = Assert.ContainsSingle(marked);
        Assert.AreEqual((ReportFixtures.Measured().Plan.FullyQualifiedName, path), (test, markedPath));
        var report = Read(folder.Run);
        Assert.AreEqual("crashed", report.GetProperty("outcome").GetString());
        Assert.StartsWith("The test host (process ", report.GetProperty("message").GetString());
        Assert.AreEqual(JsonValueKind.Null, report.GetProperty("host").ValueKind);
        Assert.AreEqual(0, report.GetProperty("count").GetInt64(), "everything else stays as it was");
    }

    [TestMethod]
    public async Task MarkCrashed_RunningReportOfThisLiveHost_IsLeftAlone()
    {
        using var folder = new Folder();
        var reporter = new ProgressReporter(folder.Run, onLine: null, TimeSpan.Zero);
        await reporter.StartedAsync(ReportFixtures.Measured().Plan, "run-1", ReportFixtures.StartedAt);

        Assert.IsEmpty(StaleReports.MarkCrashed(folder.Root), "a test still running in a live host is not a crash");
        Assert.AreEqual("running", Read(folder.Run).GetProperty("outcome").GetString());
    }

    [TestMethod]
    public void MarkCrashed_NoFolder_MarksNothing()
    {
        Assert.IsEmpty(StaleReports.MarkCrashed(Path.Combine(Path.GetTempPath(), "stresstest-none-" + Guid.NewGuid().ToString("N"))));
    }

    private static async Task<string> WriteRunningAsync(string runFolder, int hostProcessId)
    {
        var reporter = new ProgressReporter(runFolder, onLine: null, TimeSpan.Zero);
        await reporter.StartedAsync(ReportFixtures.Measured().Plan, "run-1", ReportFixtures.StartedAt);
        var path = Directory.GetFiles(runFolder, "*.json", SearchOption.AllDirectories).Single();
        var text = (await File.ReadAllTextAsync(path)).Replace($"\"processId\": {Environment.ProcessId}", $"\"processId\": {hostProcessId}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>The id of a process that has ended (a child started and waited for).</summary>
    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    private static JsonElement Read(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Single()));
        return document.RootElement.Clone();
    }

    private sealed class Folder : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("stale").FullName;

        public string Run => Path.Combine(Root, "20260102-030405");

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}

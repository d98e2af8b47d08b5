// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// The hostile fixture's tests that end the test host (items 3 and 4 of issue 16), each in a `dotnet test` of its own:
/// a crash keeps the results recorded before it and names the test that was running; Ctrl+C and SIGTERM run teardown
/// and leave the reports cancelled; after a SIGKILL the next run marks the report crashed and names the test.
/// </summary>
[TestClass]
public sealed class HostileHostTests
{
    private const string CrashVariable = "STRESSTEST_E2E_CRASH";
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromMinutes(2);

    [TestMethod]
    [DataRow("failfast", "hostile fixture: fail fast")]
    [DataRow("stackoverflow", "Stack overflow")]
    public async Task DotnetTest_HostCrashes_KeepsEarlierResultsAndTheNextRunNamesTheCrashedTest(string crash, string printed)
    {
        var fixture = FixtureProject.Hostile;
        var crashed = await fixture.TestAsync("crash-" + crash, "Category=Crash", new Dictionary<string, string> { [CrashVariable] = crash }, [], "StressTest.DurationScale=0.3");

        // The result recorded before the crash reaches the TRX (the host used to hold it in its batch, and lose it).
        Assert.AreEqual("Passed", crashed.Get("BeforeTheCrash").Outcome, crashed.ToString());
        Assert.Contains("Test host process crashed", crashed.Process.Output, crashed.Process.ToString());
        Assert.Contains(printed, crashed.Process.Output);
        var running = RunningReport(crashed.ResultsDirectory, "CrashesTheHost");
        Assert.AreEqual("running", running.Require("outcome").GetString(), "nothing in the host could say more");

        // A later run over the same results marks it and names the test.
        var later = await fixture.TestAsync("after-" + crash, "Name=BeforeTheCrash", new Dictionary<string, string>(), [], "StressTest.DurationScale=0.3", $"StressTest.ResultsDirectory={Path.Combine(crashed.ResultsDirectory, "stresstest")}");

        Assert.Contains("StressTest: HostileFixture.CrashStressTests.CrashesTheHost did not finish in an earlier run: its test host ended while it ran", later.Process.Output, later.Process.ToString());
        var marked = RunningReport(crashed.ResultsDirectory, "CrashesTheHost");
        Assert.AreEqual("crashed", marked.Require("outcome").GetString());
        Assert.Contains("ended while this test was running", marked.Require("message").GetString() ?? string.Empty);
    }

    [TestMethod]
    public async Task DotnetTest_TestCallsEnvironmentExit_FailsNamingItAndKeepsEarlierResults()
    {
        var run = await FixtureProject.Hostile.TestAsync("crash-exit", "Category=Crash", new Dictionary<string, string> { [CrashVariable] = "exit" }, [], "StressTest.DurationScale=0.3", "StressTest.ShutdownGrace=500ms");

        Assert.AreEqual("Passed", run.Get("BeforeTheCrash").Outcome, run.ToString());
        var exited = run.AssertFailedWith("CrashesTheHost", "Cancelled by Environment.Exit(3) in the test's code, which ends the test host (a test must never call it)");
        Assert.Contains("StressTest: Environment.Exit(3) in the test's code, which ends the test host (a test must never call it): stopping HostileFixture.CrashStressTests.CrashesTheHost", run.Process.Output);
        Assert.AreEqual("cancelled", ReportJson.Load(exited).Require("outcome").GetString());
    }

    [TestMethod]
    [DataRow("INT", "Ctrl+C (SIGINT)")]
    [DataRow("TERM", "SIGTERM")]
    public async Task DotnetTest_SignalledMidRun_RunsTeardownAndWritesTheReportsAsCancelled(string signal, string reason)
    {
        var (process, results, markers) = await SignalAsync("signal-" + signal, signal);

        Assert.IsNotNull(process.SinceSignal, process.ToString());

        // The test host may still be finishing after `dotnet test` has ended; its final reports come after teardown.
        var report = await WaitForAsync(() => Outcome(results) is "cancelled" ? RunningReportOrNull(results, "RunsUntilSignalled") : null, $"the report to say cancelled after SIG{signal}: {process}");
        Assert.IsTrue(File.Exists(Path.Combine(markers, "Signal.teardown")), $"teardown did not run after SIG{signal}: {process}");
        Assert.StartsWith($"Cancelled by {reason} after ", report.Require("message").GetString() ?? string.Empty);
        Assert.IsGreaterThan(0L, report.Require("count").GetInt64(), "what was measured before the signal is reported");
    }

    [TestMethod]
    public async Task DotnetTest_SigkillMidRun_NextRunMarksTheReportCrashed()
    {
        var (process, results, _) = await SignalAsync("signal-KILL", "KILL");

        Assert.IsNotNull(process.SinceSignal, process.ToString());
        var killed = RunningReport(results, "RunsUntilSignalled");
        Assert.AreEqual("running", killed.Require("outcome").GetString(), "a SIGKILL leaves the report as the last second wrote it");
        Assert.IsGreaterThan(0L, killed.Require("count").GetInt64());

        var later = await FixtureProject.Hostile.TestAsync("after-kill", "Name=BeforeTheCrash", new Dictionary<string, string>(), [], "StressTest.DurationScale=0.3", $"StressTest.ResultsDirectory={Path.Combine(results, "stresstest")}");

        Assert.Contains("StressTest: HostileFixture.SignalStressTests.RunsUntilSignalled did not finish in an earlier run", later.Process.Output, later.Process.ToString());
        Assert.AreEqual("crashed", RunningReport(results, "RunsUntilSignalled").Require("outcome").GetString());
    }

    /// <summary>Runs the fixture's long test and sends <paramref name="signal"/> to the whole `dotnet test` process group
    /// once the load has measured two seconds.</summary>
    private static async Task<(ProcessResult Process, string Results, string Markers)> SignalAsync(string name, string signal)
    {
        var fixture = FixtureProject.Hostile;
        await fixture.EnsureBuiltAsync();
        var results = TempFolders.Create(name);
        var markers = Path.Combine(results, "markers");
        var reports = Path.Combine(results, "stresstest");
        var process = await DotnetCli.RunAsync(
            ["test", fixture.ProjectDirectory, "--no-build", "-c", "Debug", "--filter", "Category=Signal", "--results-directory", results, "--", $"StressTest.ResultsDirectory={reports}"],
            new Dictionary<string, string> { [FixtureProject.MarkersVariable] = markers },
            SignalTimeout,
            signal: signal,
            signalWhen: () => MeasuredSeconds(results) >= 2);
        Assert.IsFalse(process.TimedOut, process.ToString());
        return (process, results, markers);
    }

    private static double MeasuredSeconds(string results) =>
        RunningReportOrNull(results, "RunsUntilSignalled") is { } report && report.TryGetProperty("durationSeconds", out var seconds) ? seconds.GetDouble() : 0;

    private static string? Outcome(string results) =>
        RunningReportOrNull(results, "RunsUntilSignalled") is { } report ? report.Require("outcome").GetString() : null;

    private static JsonElement RunningReport(string results, string method) =>
        RunningReportOrNull(results, method) ?? throw new AssertFailedException($"No report of {method} under {results}.");

    /// <summary>The JSON report of <paramref name="method"/> under <paramref name="results"/>, or null (being replaced
    /// by a rename right now, or not written yet).</summary>
    private static JsonElement? RunningReportOrNull(string results, string method)
    {
        var path = Directory.Exists(results)
            ? Directory.EnumerateFiles(results, $"*.{method}.json", SearchOption.AllDirectories).FirstOrDefault(p => !p.Contains($"{Path.DirectorySeparatorChar}In{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : null;
        if (path is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The test host may still be writing after `dotnet test` ended (its parent gone, it finishes its grace).</summary>
    private static async Task<JsonElement> WaitForAsync(Func<JsonElement?> read, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(TimeSpan.FromSeconds(20).TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            if (read() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new AssertFailedException("Gave up waiting for " + what);
    }
}

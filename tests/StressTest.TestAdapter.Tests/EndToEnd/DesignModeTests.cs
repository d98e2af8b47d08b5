// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Xml.Linq;
using Microsoft.TestPlatform.VsTestConsole.TranslationLayer;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// The Test Explorer path without an IDE: vstest.console in design mode, driven through the TranslationLayer as
/// Visual Studio and Rider drive it. Discovery must give each test its file, line and category; running the
/// selected TestCase objects must run exactly those; cancel must reach the adapter and stop the running test soon,
/// with teardown run and what was measured attached.
/// </summary>
[TestClass]
public sealed class DesignModeTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<Task<IReadOnlyList<TestCase>>> BasicTests = new(DiscoverBasicAsync);
    private static VsTestConsoleWrapper? _console;

    private readonly TestContext _testContext;

    public DesignModeTests(TestContext testContext) => _testContext = testContext;

    private static VsTestConsoleWrapper VsTest => _console ?? throw new InvalidOperationException("The vstest.console session did not start.");

    [ClassInitialize]
    public static void StartConsole(TestContext context)
    {
        var sdk = typeof(DesignModeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "StressTestSdkDirectory").Value!;
        _console = new VsTestConsoleWrapper(Path.Combine(sdk, "vstest.console.dll"), new ConsoleParameters());
        _console.StartSession();
    }

    [ClassCleanup]
    public static void EndConsole()
    {
        _console?.EndSession();
        _console = null;
    }

    [TestMethod]
    public async Task DiscoverTests_DesignMode_FindsEveryStressTest()
    {
        var tests = await BasicTests.Value;

        Assert.HasCount(8, tests, string.Join(", ", tests.Select(t => t.FullyQualifiedName)));
        Assert.IsTrue(tests.All(t => t.ExecutorUri == new Uri("executor://stresstest/v1")));
    }

    [TestMethod]
    [DataRow("SyncNoOp", "public static void SyncNoOp()")]
    [DataRow("AsyncDelay20", "public static async Task AsyncDelay20(")]
    public async Task DiscoverTests_DesignMode_PointsAtTheMethodsFileAndLine(string method, string declaration)
    {
        var testCase = Single(await BasicTests.Value, method);

        var expectedFile = Path.Combine(FixtureProject.Basic.ProjectDirectory, "BasicStressTests.cs");
        Assert.IsNotNull(testCase.CodeFilePath, $"{method} has no file: Test Explorer cannot go to it");
        Assert.EndsWith(Path.Combine("BasicFixture", "BasicStressTests.cs"), testCase.CodeFilePath);

        // The PDB maps the method's opening brace, the line after its declaration (for async methods, via the
        // state machine's MoveNext).
        var declarationLine = Array.FindIndex(File.ReadAllLines(expectedFile), l => l.Contains(declaration, StringComparison.Ordinal)) + 1;
        Assert.IsGreaterThan(0, declarationLine, $"{declaration} not found in {expectedFile}");
        Assert.IsInRange(declarationLine, declarationLine + 2, testCase.LineNumber, $"{method}: line {testCase.LineNumber}, declared on {declarationLine}");
    }

    [TestMethod]
    public async Task DiscoverTests_DesignMode_ReportsCategoryAsTrait()
    {
        var tests = await BasicTests.Value;

        var smoke = Single(tests, "SmokeNoOp");
        Assert.IsTrue(smoke.Traits.Any(t => t.Name == "Category" && t.Value == "Smoke"), string.Join(", ", smoke.Traits.Select(t => $"{t.Name}={t.Value}")));
        Assert.IsFalse(Single(tests, "SyncNoOp").Traits.Any(t => t.Name == "Category"));
        Assert.AreEqual("Named stress test", Single(tests, "WithDisplayName").DisplayName);
    }

    [TestMethod]
    public async Task RunTests_SelectedTestCases_RunsOnlyThose()
    {
        var tests = await BasicTests.Value;
        var selected = new[] { Single(tests, "SyncNoOp"), Single(tests, "SmokeNoOp") };
        var handler = new RunHandler();

        await Task.Run(() => VsTest.RunTests(selected, Settings(TempFolders.Create("design-run")), handler)).WaitAsync(CallTimeout);
        await WithinAsync(handler.Completed, CallTimeout, () => "the run to complete: " + handler.Describe());

        var results = handler.Results;
        CollectionAssert.AreEquivalent(
            selected.Select(t => t.FullyQualifiedName).ToArray(),
            results.Select(r => r.TestCase.FullyQualifiedName).ToArray(),
            handler.Describe());
        Assert.IsTrue(results.All(r => r.Outcome == TestOutcome.Passed), handler.Describe());
        Assert.IsTrue(results.All(r => r.Attachments.SelectMany(a => a.Attachments).Count() == 6), "each result attaches its .json, .html, .hgrm, .hlog, .csv and .md");
    }

    [TestMethod]
    public async Task CancelTestRun_WhileLongTestRuns_StopsSoonRunsTeardownAndAttachesWhatWasMeasured()
    {
        await FixtureProject.Cancel.EnsureBuiltAsync();
        var discovery = new DiscoveryHandler();
        VsTest.DiscoverTests([FixtureProject.Cancel.AssemblyPath], Settings(TempFolders.Create("design-cancel-discovery")), discovery);
        await WithinAsync(discovery.Completed, CallTimeout, () => "discovery to complete: " + discovery.Log);
        var longTest = Single(discovery.TestCases, "RunsLong");

        var folder = TempFolders.Create("design-cancel");
        var markers = Path.Combine(folder, "markers");
        var handler = new RunHandler();
        var run = Task.Run(() => VsTest.RunTests([longTest], Settings(folder), handler));

        // Started: the test host is up and setup has run. Then let the load measure for a moment.
        var setupMarker = Path.Combine(markers, "CancelStressTests.setup");
        await PollAsync(() => File.Exists(setupMarker) || handler.Completed.IsCompleted, TimeSpan.FromSeconds(60), "the long test to start");
        Assert.IsFalse(handler.Completed.IsCompleted, "The run ended before it was cancelled: " + handler.Describe());
        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);

        var cancelledAt = TimeProvider.System.GetTimestamp();
        VsTest.CancelTestRun();
        await WithinAsync(handler.Completed, TimeSpan.FromSeconds(30), () => "the cancelled run to complete: " + handler.Describe());
        await run.WaitAsync(CallTimeout);
        var stoppedAfter = TimeProvider.System.GetElapsedTime(cancelledAt, handler.CompletedAt);
        _testContext.WriteLine($"The run completed {stoppedAfter.TotalMilliseconds:0} ms after CancelTestRun().");

        // The adapter's goal is about one second; three leave room for a busy machine, and 30 s were declared.
        Assert.IsLessThan(TimeSpan.FromSeconds(3), stoppedAfter, handler.Describe());
        var result = handler.Results.Single(r => r.TestCase.FullyQualifiedName == longTest.FullyQualifiedName);
        Assert.AreEqual(TestOutcome.Skipped, result.Outcome, handler.Describe());
        Assert.Contains("Cancelled", result.ErrorMessage ?? string.Empty);
        Assert.IsTrue(File.Exists(Path.Combine(markers, "CancelStressTests.teardown")), "teardown did not run after cancel");

        var json = result.Attachments.SelectMany(a => a.Attachments).Select(a => a.Uri.LocalPath).Single(p => p.EndsWith(".json", StringComparison.Ordinal));
        var report = ReportJson.Load(json);
        Assert.AreEqual("cancelled", report.Require("outcome").GetString());
        Assert.IsGreaterThan(0L, report.Require("count").GetInt64(), "nothing measured before the cancel was reported");
        Assert.IsLessThan(30.0, report.Require("durationSeconds").GetDouble());
    }

    private static async Task<IReadOnlyList<TestCase>> DiscoverBasicAsync()
    {
        await FixtureProject.Basic.EnsureBuiltAsync();
        var handler = new DiscoveryHandler();
        await Task.Run(() => VsTest.DiscoverTests([FixtureProject.Basic.AssemblyPath], Settings(TempFolders.Create("design-discovery")), handler)).WaitAsync(CallTimeout);
        await WithinAsync(handler.Completed, CallTimeout, () => "discovery to complete: " + handler.Log);
        var aborted = await handler.Completed;
        Assert.IsFalse(aborted, "Discovery was aborted: " + handler.Log);
        return handler.TestCases;
    }

    private static TestCase Single(IEnumerable<TestCase> tests, string method)
    {
        var matches = tests.Where(t => t.FullyQualifiedName.EndsWith("." + method, StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, matches, $"Expected one discovered test named {method}: {string.Join(", ", tests.Select(t => t.FullyQualifiedName))}");
        return matches[0];
    }

    /// <summary>Design-mode settings as an IDE sends them, plus the results folder and the fixtures' marker folder.</summary>
    private static string Settings(string folder) => new XElement(
        "RunSettings",
        new XElement(
            "RunConfiguration",
            new XElement("DesignMode", "true"),
            new XElement("ResultsDirectory", folder),
            new XElement("EnvironmentVariables", new XElement(FixtureProject.MarkersVariable, Path.Combine(folder, "markers"))))).ToString();

    private static async Task WithinAsync(Task task, TimeSpan timeout, Func<string> what)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout, TimeProvider.System)) != task)
        {
            Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what()}");
        }

        await task;
    }

    private static async Task PollAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}

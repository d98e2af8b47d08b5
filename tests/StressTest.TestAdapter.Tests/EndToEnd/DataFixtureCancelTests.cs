// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Xml.Linq;
using Microsoft.TestPlatform.VsTestConsole.TranslationLayer;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// Test Explorer's cancel (vstest.console in design mode, through the TranslationLayer) on a long DataFixture test
/// whose class has a worker teardown: every worker and the class still tear down.
/// </summary>
[TestClass]
public sealed class DataFixtureCancelTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(2);

    [TestMethod]
    public async Task CancelTestRun_LongTestWithWorkerTeardown_TearsDownEveryWorkerAndTheClass()
    {
        await FixtureProject.Data.EnsureBuiltAsync();
        var sdk = typeof(DataFixtureCancelTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StressTestSdkDirectory").Value!;
        var console = new VsTestConsoleWrapper(Path.Combine(sdk, "vstest.console.dll"), new ConsoleParameters());
        console.StartSession();
        try
        {
            var folder = TempFolders.Create("data-cancel");
            var markers = Path.Combine(folder, "markers");
            var settings = new XElement(
                "RunSettings",
                new XElement(
                    "RunConfiguration",
                    new XElement("DesignMode", "true"),
                    new XElement("ResultsDirectory", folder),
                    new XElement("EnvironmentVariables", new XElement(FixtureProject.MarkersVariable, markers)))).ToString();
            var discovery = new DiscoveryHandler();
            console.DiscoverTests([FixtureProject.Data.AssemblyPath], settings, discovery);
            await discovery.Completed.WaitAsync(CallTimeout);
            var longTest = discovery.TestCases.Single(t => t.FullyQualifiedName.EndsWith(".RunsLongWithWorkers", StringComparison.Ordinal));

            var handler = new RunHandler();
            var run = Task.Run(() => console.RunTests([longTest], settings, handler));
            await WaitForAsync(() => File.Exists(Path.Combine(markers, "Cancelled.setup")) || handler.Completed.IsCompleted, "the long test to start");
            Assert.IsFalse(handler.Completed.IsCompleted, "The run ended before it was cancelled: " + handler.Describe());

            console.CancelTestRun();
            await handler.Completed.WaitAsync(CallTimeout);
            await run.WaitAsync(CallTimeout);

            var result = handler.Results.Single();
            Assert.AreEqual(TestOutcome.Skipped, result.Outcome, handler.Describe());
            foreach (var marker in new[] { "Cancelled.worker-teardown-0", "Cancelled.worker-teardown-1", "Cancelled.teardown" })
            {
                Assert.IsTrue(File.Exists(Path.Combine(markers, marker)), $"{marker} did not run after the cancel: {handler.Describe()}");
            }
        }
        finally
        {
            console.EndSession();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(60 * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            Assert.IsLessThan(deadline, TimeProvider.System.GetTimestamp(), $"Timed out waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}

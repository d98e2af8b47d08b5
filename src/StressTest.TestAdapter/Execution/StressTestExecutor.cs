// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using StressTest.Evaluation;
using StressTest.Plan.Discovery;
using StressTest.Plan.Settings;
using StressTest.Runner;
using StressTest.TestAdapter.Discovery;
using StressTest.TestAdapter.Settings;

namespace StressTest.TestAdapter.Execution;

/// <summary>
/// VSTest executor. Runs stress tests strictly one after another (concurrent stress tests would distort each
/// other's numbers) and records each as a result with its reports attached. One bad test never stops the others:
/// everything a test does ends up in its own result.
/// </summary>
/// <remarks>Public only because VSTest finds adapters among an assembly's exported types; not an API to call.</remarks>
[ExtensionUri(AdapterInfo.ExecutorUri)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "VSTest never disposes executors; the source has no timer and holds nothing to release.")]
public sealed class StressTestExecutor : ITestExecutor
{
    private readonly TimeProvider _time;
    private CancellationTokenSource _cancellation = new();

    /// <summary>Creates the executor VSTest uses, on the system clock.</summary>
    public StressTestExecutor()
        : this(TimeProvider.System)
    {
    }

    internal StressTestExecutor(TimeProvider time) => _time = time;

    /// <inheritdoc />
    public void RunTests(IEnumerable<string>? sources, IRunContext? runContext, IFrameworkHandle? frameworkHandle)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(frameworkHandle);
        var filter = TestCaseFilter.Get(runContext, frameworkHandle);
        var selected = new List<(TestCase, StressTestDeclaration)>();
        foreach (var source in sources)
        {
            var declarations = TestSource.Scan(source, frameworkHandle);
            if (declarations.Count == 0)
            {
                continue;
            }

            using var locator = new SourceLocator(source);
            selected.AddRange(declarations
                .Select(d => (TestCaseFactory.Create(d, source, locator), d))
                .Where(pair => TestCaseFilter.Matches(filter, pair.Item1)));
        }

        Run(selected, runContext, frameworkHandle);
    }

    /// <inheritdoc />
    public void RunTests(IEnumerable<TestCase>? tests, IRunContext? runContext, IFrameworkHandle? frameworkHandle)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(frameworkHandle);
        var selected = new List<(TestCase, StressTestDeclaration)>();
        foreach (var group in tests.GroupBy(t => t.Source, StringComparer.Ordinal))
        {
            var byName = TestSource.Scan(group.Key, frameworkHandle)
                .GroupBy(d => d.FullyQualifiedName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var testCase in group)
            {
                if (byName.TryGetValue(testCase.FullyQualifiedName, out var declaration))
                {
                    selected.Add((testCase, declaration));
                }
                else
                {
                    frameworkHandle.RecordResult(new TestResult(testCase)
                    {
                        Outcome = TestOutcome.NotFound,
                        ErrorMessage = $"{testCase.FullyQualifiedName} is no longer a [StressTest] method in {group.Key}; rebuild and discover again.",
                    });
                }
            }
        }

        Run(selected, runContext, frameworkHandle);
    }

    /// <summary>Called by the IDE (not by a console Ctrl+C, which kills the host): stops the running test within
    /// about a second; it still runs teardown and reports what it measured. Tests not yet started do not run.</summary>
    public void Cancel() => _cancellation.Cancel();

    private void Run(List<(TestCase TestCase, StressTestDeclaration Declaration)> selected, IRunContext? runContext, IFrameworkHandle handle)
    {
        if (_cancellation.IsCancellationRequested)
        {
            _cancellation = new CancellationTokenSource();
        }

        var token = _cancellation.Token;
        var settings = RunSettingsReader.Read(runContext?.RunSettings?.SettingsXml, out var runResultsDirectory);
        foreach (var warning in settings.Warnings)
        {
            handle.SendMessage(TestMessageLevel.Warning, "StressTest: " + warning);
        }

        var resultsRoot = ResultsRoot(settings.Settings, runResultsDirectory ?? runContext?.TestRunDirectory);
        var resultsDirectory = Path.Combine(resultsRoot, _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        foreach (var (test, path) in StaleReports.MarkCrashed(resultsRoot))
        {
            handle.SendMessage(TestMessageLevel.Warning, $"StressTest: {test} did not finish in an earlier run: its test host ended while it ran (killed, or crashed by Environment.FailFast, a stack overflow or an unhandled exception). Its report now says so: {path}");
        }

        var runner = new StressTestRunner(_time);
        var completed = new List<(string, TestRunRecord)>();

        // Ctrl+C and SIGTERM cancel the run (teardown runs, reports are written), as Cancel() would from an IDE.
        using var signals = HostSignals.Watch(_cancellation, message => handle.SendMessage(TestMessageLevel.Warning, message));
        var flush = new ResultFlush(handle, runContext?.RunSettings?.SettingsXml);
        foreach (var (testCase, declaration) in selected)
        {
            if (token.IsCancellationRequested)
            {
                break;
            }

            flush.RecordStart(handle, testCase);
            signals.Running = testCase.FullyQualifiedName;
            var startTime = _time.GetUtcNow();
            TestRunRecord record;
            try
            {
                // Informational: shown in Test Explorer's output and by dotnet test at normal verbosity, not at minimal.
                record = runner.RunAsync(declaration, settings, resultsDirectory, token, line => handle.SendMessage(TestMessageLevel.Informational, line), () => signals.Reason).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                // A defect of ours must fail this one test with a clear message, not take down the test host.
                record = new TestRunRecord(RunOutcome.Failed, $"StressTest internal error: {ex}", string.Empty, [], _time.GetUtcNow() - startTime);
            }

            if (signals.ExitedByTest && record.Outcome == RunOutcome.Cancelled)
            {
                record = record with { Outcome = RunOutcome.Failed };
            }

            foreach (var warning in record.Warnings)
            {
                handle.SendMessage(TestMessageLevel.Warning, $"StressTest: {testCase.DisplayName}: {warning}");
            }

            var result = ResultFactory.Create(testCase, record, startTime, _time.GetUtcNow());
            handle.RecordResult(result);
            handle.RecordEnd(testCase, result.Outcome);
            flush.Recorded();
            signals.Running = null;
            if (signals.Reason is not null)
            {
                flush.Now(handle, testCase); // the host may end any moment: this result must not wait in its batch
            }

            completed.Add((testCase.DisplayName, record));
        }

        if (completed.Count > 1)
        {
            handle.SendMessage(TestMessageLevel.Informational, RunTable.Format(completed));
        }
    }

    /// <summary>Where every run's report folders go: the ResultsDirectory setting, else a <c>stresstest</c> folder in
    /// the run's results directory.</summary>
    private static string ResultsRoot(StressSettings settings, string? runDirectory) =>
        Path.GetFullPath(settings.ResultsDirectory ?? Path.Combine(runDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "TestResults"), "stresstest"));
}

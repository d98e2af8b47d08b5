// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan;
using StressTest.Plan.Discovery;
using StressTest.Plan.Settings;
using StressTest.Reports;
using StressTest.Transport;
using StressTest.Workers;

namespace StressTest.Runner;

/// <summary>
/// The engine's front door for a test runner: declaration + settings in, <see cref="TestRunRecord"/> out. Builds
/// the plan (an invalid one becomes a failed record naming the problem), runs it, writes the reports. It does not
/// throw for anything the user's code or input does.
/// </summary>
internal sealed class StressTestRunner
{
    private readonly TimeProvider _time;
    private readonly Func<StressSetupContext, ILoadAgent> _agents;
    private readonly ReportWriter _reports;

    /// <param name="time">The clock of every run.</param>
    /// <param name="agents">The agent of each run; default: workers in this process.</param>
    /// <param name="reports">Where reports go; default: every format.</param>
    public StressTestRunner(TimeProvider time, Func<StressSetupContext, ILoadAgent>? agents = null, ReportWriter? reports = null)
    {
        _time = time;
        _agents = agents ?? InProcessAgent.For(time);
        _reports = reports ?? ReportWriter.Default;
    }

    /// <summary>Runs one discovered stress test: plan, regression gate, load, verdict, reports, baseline.</summary>
    /// <param name="declaration">The discovered test.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="resultsDirectory">Where this run's reports go.</param>
    /// <param name="cancellationToken">Cancels the test (teardown still runs).</param>
    /// <param name="progress">Receives progress lines; null for none.</param>
    /// <param name="cancelReason">Asked, when the test was cancelled, what cancelled it (<c>Ctrl+C (SIGINT)</c>).</param>
    public async Task<TestRunRecord> RunAsync(StressTestDeclaration declaration, SettingsParseResult settings, string resultsDirectory, CancellationToken cancellationToken, Action<string>? progress = null, Func<string?>? cancelReason = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Errors.Count > 0)
        {
            return Invalid(string.Join(Environment.NewLine, settings.Errors));
        }

        var plan = PlanBuilder.Build(declaration, settings.Settings);
        if (!plan.IsSuccess)
        {
            return Invalid(plan.Error);
        }

        if (ProfileSelection.SkipReason(declaration.Arguments, settings.Settings.Gates) is { } skipped)
        {
            return new TestRunRecord(RunOutcome.Skipped, skipped, string.Empty, [], TimeSpan.Zero);
        }

        var gate = RegressionGates.Open(plan.Value, declaration.TestClass.Assembly);
        if (!gate.IsSuccess)
        {
            return Invalid(gate.Error);
        }

        if (ReportWriter.Unwritable(resultsDirectory) is { } unwritable)
        {
            return Invalid(unwritable);
        }

        var reporter = new ProgressReporter(resultsDirectory, progress, settings.Settings.ProgressInterval);
        var runId = NewRunId();
        await reporter.StartedAsync(plan.Value, runId, _time.GetUtcNow()).ConfigureAwait(false);
        var result = await new StressController(_time, _agents, reporter.OnIntervalAsync) { CheckBuild = true }.RunAsync(plan.Value, runId, cancellationToken, gate.Value, cancelReason).ConfigureAwait(false);
        var verdict = result.Verdict;
        if (result.Outcome == RunOutcome.Skipped)
        {
            reporter.Discard();
            return new TestRunRecord(RunOutcome.Skipped, $"Skipped by [StressSetup]: {result.SkipReason}", string.Empty, [], result.Elapsed);
        }

        var message = verdict.Message;
        var summary = ResultText.Summary(result) + verdict.Gate.SummaryLines() + string.Concat(verdict.Warnings.Select(w => "  warn  " + w + Environment.NewLine));
        IReadOnlyList<ReportFile> files;
        StressReport report;
        try
        {
            report = ReportBuilder.Build(result);
            files = await _reports.WriteAsync(report, resultsDirectory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            message = string.Join(Environment.NewLine, message, $"Writing the reports to {resultsDirectory} failed: {ex.Message}").Trim();
            return new TestRunRecord(RunOutcome.Failed, message, summary, [], result.Elapsed);
        }

        var (recorded, recordProblem) = await RegressionGates.RecordAsync(gate.Value, report, result.Outcome, CancellationToken.None).ConfigureAwait(false);
        if (recordProblem is not null)
        {
            return new TestRunRecord(RunOutcome.Failed, string.Join(Environment.NewLine, message, recordProblem).Trim(), summary, files, result.Elapsed);
        }

        summary += recorded is null ? string.Empty : recorded + Environment.NewLine;
        return new TestRunRecord(result.Outcome, message, summary, files, result.Elapsed) { Measurements = result.Measurements, Warnings = [.. verdict.Gate.Warnings, .. verdict.Warnings] };
    }

    private static TestRunRecord Invalid(string message) => new(RunOutcome.Failed, message, string.Empty, [], TimeSpan.Zero);

    private string NewRunId() =>
        _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}

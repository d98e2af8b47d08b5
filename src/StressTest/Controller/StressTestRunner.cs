// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Discovery;
using StressTest.Plan;
using StressTest.Reports;
using StressTest.Settings;
using StressTest.Transport;
using StressTest.Transport.InProcess;

namespace StressTest.Controller;

/// <summary>
/// The engine's front door for a test runner: declaration + settings in, <see cref="TestRunRecord"/> out. Builds
/// the plan (an invalid one becomes a failed record naming the problem), runs it, writes the reports. It does not
/// throw for anything the user's code or input does.
/// </summary>
internal sealed class StressTestRunner
{
    private readonly TimeProvider _time;
    private readonly ILoadAgent _agent;
    private readonly ReportWriter _reports;

    public StressTestRunner(TimeProvider time, ILoadAgent? agent = null, ReportWriter? reports = null)
    {
        _time = time;
        _agent = agent ?? new InProcessAgent(time);
        _reports = reports ?? ReportWriter.Default;
    }

    /// <param name="declaration">The test.</param>
    /// <param name="settings">The run's settings, or why they are invalid.</param>
    /// <param name="resultsDirectory">Where the reports go.</param>
    /// <param name="cancellationToken">Cancels the run (teardown still runs, what was measured is reported).</param>
    /// <param name="progress">Receives a progress line every ProgressInterval; null for none.</param>
    public async Task<TestRunRecord> RunAsync(StressTestDeclaration declaration, SettingsParseResult settings, string resultsDirectory, CancellationToken cancellationToken, Action<string>? progress = null)
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

        var reporter = new ProgressReporter(resultsDirectory, progress, settings.Settings.ProgressInterval);
        var result = await new StressController(_time, _agent, reporter.OnIntervalAsync).RunAsync(plan.Value, NewRunId(), cancellationToken).ConfigureAwait(false);
        var message = ResultText.FailureMessage(result);
        var summary = ResultText.Summary(result);
        IReadOnlyList<ReportFile> files;
        try
        {
            files = await _reports.WriteAsync(ReportBuilder.Build(result, message), resultsDirectory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            files = [];
            message = string.Join(Environment.NewLine, message, $"Writing the reports to {resultsDirectory} failed: {ex.Message}").Trim();
            return new TestRunRecord(RunOutcome.Failed, message, summary, files, result.Elapsed);
        }

        return new TestRunRecord(result.Outcome, message, summary, files, result.Elapsed) { Measurements = result.Measurements };
    }

    private static TestRunRecord Invalid(string message) => new(RunOutcome.Failed, message, string.Empty, [], TimeSpan.Zero);

    private string NewRunId() =>
        _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Evaluation.Baselines;
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

        if (ProfileSelection.SkipReason(declaration.Arguments, settings.Settings.Gates) is { } skipped)
        {
            return new TestRunRecord(RunOutcome.Skipped, skipped, string.Empty, [], TimeSpan.Zero);
        }

        var gate = RegressionGate.Open(plan.Value, declaration.TestClass.Assembly);
        if (!gate.IsSuccess)
        {
            return Invalid(gate.Error);
        }

        var reporter = new ProgressReporter(resultsDirectory, progress, settings.Settings.ProgressInterval);
        var result = await new StressController(_time, _agent, reporter.OnIntervalAsync).RunAsync(plan.Value, NewRunId(), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == RunOutcome.Skipped)
        {
            return new TestRunRecord(RunOutcome.Skipped, $"Skipped by [StressSetup]: {result.SkipReason}", string.Empty, [], result.Elapsed);
        }

        // Built once: the gate judges it, then it gets the judged outcome and the message.
        var built = ReportBuilder.Build(result, string.Empty);
        var judged = gate.Value.Judge(result, built);
        result = result with { Outcome = judged.Outcome };
        // The generator's saturation is part of the message even when the test passed: numbers in that window describe the
        // generator, and whoever reads the result must see it next to them.
        var saturation = result.Measurements?.Generator.Warning;
        var message = string.Join(Environment.NewLine, judged.FailureLines.Prepend(ResultText.FailureMessage(result, regressed: judged.FailureLines.Any())).Append(saturation ?? string.Empty).Where(l => l.Length > 0));
        var summary = ResultText.Summary(result) + judged.SummaryLines() + string.Concat(result.Warnings.Select(w => "  warn  " + w + Environment.NewLine));
        IReadOnlyList<ReportFile> files;
        StressReport report;
        try
        {
            report = judged.Apply(built with { Outcome = ReportBuilder.OutcomeText(result.Outcome), Message = message.Length == 0 ? null : message }) with { LatencyHistogram = EncodedLatency(result) };
            files = await _reports.WriteAsync(report, resultsDirectory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            files = [];
            message = string.Join(Environment.NewLine, message, $"Writing the reports to {resultsDirectory} failed: {ex.Message}").Trim();
            return new TestRunRecord(RunOutcome.Failed, message, summary, files, result.Elapsed);
        }

        var (recorded, recordProblem) = await gate.Value.RecordAsync(report, result.Outcome, CancellationToken.None).ConfigureAwait(false);
        if (recordProblem is not null)
        {
            return new TestRunRecord(RunOutcome.Failed, string.Join(Environment.NewLine, message, recordProblem).Trim(), summary, files, result.Elapsed);
        }

        summary += recorded is null ? string.Empty : recorded + Environment.NewLine;
        return new TestRunRecord(result.Outcome, message, summary, files, result.Elapsed) { Measurements = result.Measurements, Warnings = [.. judged.Warnings, .. result.Warnings] };
    }

    /// <summary>The whole-run histogram for the JSON report (and so for a baseline recorded from it).</summary>
    private static string? EncodedLatency(StressRunResult result) =>
        result.Measurements is { } m ? Convert.ToBase64String(HistogramCodec.Encode(m.Latency)) : null;

    private static TestRunRecord Invalid(string message) => new(RunOutcome.Failed, message, string.Empty, [], TimeSpan.Zero);

    private string NewRunId() =>
        _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}

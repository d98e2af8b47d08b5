// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan;
using StressTest.Reports;
using StressTest.Reports.Tables;

namespace StressTest.Runner;

/// <summary>
/// What a running test shows of itself: the JSON report rewritten after every interval (a test host killed by
/// Ctrl+C in <c>dotnet test</c> gets no chance to write anything, so what was measured must already be on disk), and
/// an informational line every <c>ProgressInterval</c> of measured time (Test Explorer's output, <c>dotnet test</c> at
/// normal verbosity): alive, how far, how fast, how slow, how many errors. Never more than one line per interval.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly string _resultsDirectory;
    private readonly Action<string>? _onLine;
    private readonly TimeSpan _interval;
    private TimeSpan _lastLine;
    private IReadOnlyList<ReportFile> _started = [];

    /// <param name="resultsDirectory">Where the final reports go; the running report is the final JSON's file.</param>
    /// <param name="onLine">Receives the progress lines; null for none.</param>
    /// <param name="interval">Measured time between lines; zero or less for none.</param>
    public ProgressReporter(string resultsDirectory, Action<string>? onLine, TimeSpan interval)
    {
        _resultsDirectory = resultsDirectory;
        _onLine = onLine;
        _interval = interval;
    }

    /// <summary>Writes the report of a test that has just started, before any of its code runs: a host that dies in
    /// setup or in the first second (a crash, a kill) still leaves a report naming the test, "running", with the host's
    /// process, which a later run marks as crashed (<see cref="StaleReports"/>).</summary>
    public async ValueTask StartedAsync(StressPlan plan, string runId, DateTimeOffset startedAt)
    {
        try
        {
            var started = new StressRunResult(plan, runId, startedAt, null, Verdict.Running([]), TimeSpan.Zero);
            _started = await ReportWriter.JsonOnly.WriteAsync(ReportBuilder.Build(started), _resultsDirectory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The final write reports a folder that cannot be written.
        }
    }

    /// <summary>Removes the running report of a test that ends without reports (skipped by its setup): left behind, a
    /// later run would take it for one whose host died.</summary>
    public void Discard()
    {
        foreach (var file in _started)
        {
            try
            {
                File.Delete(file.Path);
                if (Path.GetDirectoryName(file.Path) is { } folder && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing to discard, or someone else holds it.
            }
        }
    }

    public async ValueTask OnIntervalAsync(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            await ReportWriter.JsonOnly.WriteAsync(ReportBuilder.Build(progress.SoFar), _resultsDirectory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The final write reports a folder that cannot be written; a progress write must not end the run.
        }

        if (progress.Rehearsal)
        {
            // The warm-up's rehearsal: the line is composed, not shown, so its code is compiled before measuring.
            _ = Line(progress.SoFar, progress.TakeWindow().P95, TimeSpan.FromSeconds(1));
            return;
        }

        var measured = progress.SoFar.Measurements?.Measured ?? TimeSpan.Zero;
        if (_onLine is null || _interval <= TimeSpan.Zero || measured - _lastLine < _interval)
        {
            return;
        }

        var window = progress.TakeWindow();
        _onLine(Line(progress.SoFar, window.P95, measured - _lastLine));
        _lastLine = measured;
    }

    /// <summary><c>GetProduct: 10 s of 30 s, 200.0/s, p95 12.3 ms (last 5 s), errors 0 (0 %)</c>.</summary>
    public static string Line(StressRunResult soFar, double windowP95, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(soFar);
        var m = soFar.Measurements;
        // The last interval may end after the window (it holds what completed during the shutdown grace): the line
        // says how far the window is, never "20 s of 15 s".
        var duration = soFar.Plan.Load.Duration.TotalSeconds;
        var measured = Math.Min(m?.Measured.TotalSeconds ?? 0, duration);
        return string.Create(Invariant, $"{soFar.Plan.DisplayName}: {measured:0} s of {duration:0} s, {m?.Rps ?? 0:N1}/s, p95 {ReportNumbers.Ms(windowP95)} ms (last {window.TotalSeconds:0} s), errors {m?.Errors ?? 0:N0} ({(m?.ErrorRate ?? 0) * 100:0.##} %)");
    }
}

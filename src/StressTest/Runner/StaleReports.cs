// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using System.Text.Json.Nodes;
using StressTest.Reports;

namespace StressTest.Runner;

/// <summary>
/// Reports an earlier run left saying <c>"running"</c> although their test host is gone: the host was killed
/// (SIGKILL, a CI job's timeout) or crashed (<c>Environment.FailFast</c>, a stack overflow, an exception on a thread of
/// the test's own) while that test ran, and nothing in it could say so. The next run over the same results folder
/// rewrites them as <c>"crashed"</c>, naming what ended them, and names the tests in its output: the test that took the
/// host down is not lost in the logs of a run that could only abort.
/// </summary>
internal static class StaleReports
{
    /// <summary>The outcome written into a report whose host died while it ran.</summary>
    public const string Crashed = "crashed";

    /// <summary>Run folders looked at, newest first: an old folder was looked at by the runs since.</summary>
    private const int MaxRunFolders = 20;

    /// <summary>Marks the stale reports under <paramref name="resultsRoot"/> (its run folders, one per run) as crashed.</summary>
    /// <returns>Each marked test and its report's path.</returns>
    public static IReadOnlyList<(string Test, string Path)> MarkCrashed(string resultsRoot)
    {
        ArgumentNullException.ThrowIfNull(resultsRoot);
        var marked = new List<(string, string)>();
        if (!Directory.Exists(resultsRoot))
        {
            return marked;
        }

        try
        {
            foreach (var runFolder in Directory.GetDirectories(resultsRoot).OrderDescending(StringComparer.Ordinal).Take(MaxRunFolders))
            {
                foreach (var path in Directory.EnumerateFiles(runFolder, "*.json", SearchOption.AllDirectories))
                {
                    if (TryMark(path) is { } test)
                    {
                        marked.Add((test, path));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be read holds nothing this run can mend; the run itself checks its own folder.
        }

        return marked;
    }

    private static string? TryMark(string path)
    {
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject report
                || report["outcome"]?.GetValue<string>() != ReportBuilder.OutcomeText(Evaluation.RunOutcome.Running)
                || report["host"]?.Deserialize<ReportHost>() is not { } host
                || host.IsAlive())
            {
                return null;
            }

            var test = report["test"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(path);
            report["outcome"] = Crashed;
            report["message"] = $"The test host (process {host.ProcessId}) ended while this test was running, before it could finish or report: it was killed (SIGKILL, a second Ctrl+C, a CI timeout) or crashed (Environment.FailFast, a stack overflow, an unhandled exception on a thread of the test's own). What was measured until its last second is kept here. Marked by a later run.";
            report["host"] = null;
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, path, overwrite: true);
            return test;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            return null; // not a report of ours, or being written right now
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.CommandLine;
using StressTest.Evaluation.Baselines;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;

namespace StressTest.Cli;

/// <summary>
/// <c>stresstest compare</c>: reads two JSON reports (a baseline file is a kept report), judges relative thresholds
/// with <see cref="BaselineComparer"/> (the test run's own code, so the verdicts are the same) and prints the table.
/// The thresholds are, in order: every <c>--threshold</c>, else the relative thresholds the current run was judged
/// by (its <c>comparisons</c>), else <see cref="DefaultThresholds"/>.
/// </summary>
internal static class CompareCommand
{
    public static readonly string[] DefaultThresholds =
        ["p50 <= baseline + 10%", "p95 <= baseline + 10%", "p99 <= baseline + 10%", "rps >= baseline - 10%", "error_rate <= baseline + 1%"];

    public static Command Create()
    {
        var baseline = new Argument<FileInfo>("baseline") { Description = "The baseline: a StressTest JSON report (e.g. stress-baselines/default/<test>.json)." };
        var current = new Argument<FileInfo>("current") { Description = "The run to judge: a StressTest JSON report of the same test." };
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table (for a pull-request comment or $GITHUB_STEP_SUMMARY)." };
        var thresholds = new Option<string[]>("--threshold", "-t")
        {
            Description = "A relative threshold such as \"p95 <= baseline + 10%\"; repeatable. Default: those the current run was judged by, else p50/p95/p99 <= baseline + 10%, rps >= baseline - 10%, error_rate <= baseline + 1%.",
            HelpName = "expression",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("compare", "Compare a run with its baseline: noise-aware verdicts per relative threshold; exit code 1 when one regressed.")
        {
            baseline, current, markdown, thresholds,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(baseline).FullName,
            parseResult.GetRequiredValue(current).FullName,
            parseResult.GetValue(markdown),
            parseResult.GetValue(thresholds) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string baselinePath, string currentPath, bool markdown, IReadOnlyList<string> written, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var before = Read(baselinePath, "baseline", error);
        var now = Read(currentPath, "current run", error);
        if (before is null || now is null)
        {
            return ExitCodes.Usage;
        }

        if (!string.Equals(before.Test, now.Test, StringComparison.Ordinal))
        {
            error.WriteLine($"stresstest compare: the reports are of different tests: {before.Test} ({baselinePath}) and {now.Test} ({currentPath}); compare a test's report with that test's baseline.");
            return ExitCodes.Usage;
        }

        var sources = written.Count > 0 ? written
            : now.Comparisons.Count > 0 ? [.. now.Comparisons.Select(c => c.Source).Distinct(StringComparer.Ordinal)]
            : DefaultThresholds;
        var parsed = new List<Threshold>();
        foreach (var source in sources)
        {
            var threshold = ThresholdParser.Parse(source);
            if (!threshold.IsSuccess || threshold.Value.Relative is null)
            {
                error.WriteLine($"stresstest compare: {(threshold.IsSuccess ? $"Threshold \"{source}\" does not compare with the baseline; expected e.g. \"p95 <= baseline + 10%\"." : threshold.Error)}");
                return ExitCodes.Usage;
            }

            parsed.Add(threshold.Value);
        }

        var (beforeFigures, nowFigures) = (ReportFigures.From(before), ReportFigures.From(now));
        var comparisons = BaselineComparer.Compare(beforeFigures, nowFigures, parsed);
        var warnings = RunCompatibility.Warnings(beforeFigures, nowFigures);
        output.Write(markdown ? ComparisonTable.Markdown(before, now, comparisons, warnings) : ComparisonTable.Text(before, now, comparisons, warnings));
        return comparisons.Any(c => !c.Passed) ? ExitCodes.Regressed : ExitCodes.Passed;
    }

    private static StressReport? Read(string path, string role, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"stresstest compare: the {role} {path} does not exist.");
            return null;
        }

        var read = BaselineFile.Read(path);
        if (!read.IsSuccess)
        {
            error.WriteLine($"stresstest compare: {read.Error.Replace("Baseline ", $"The {role} ", StringComparison.Ordinal)}");
            return null;
        }

        return read.Value;
    }
}

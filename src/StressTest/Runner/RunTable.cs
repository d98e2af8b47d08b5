// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Reports.Tables;

namespace StressTest.Runner;

/// <summary>The table printed once after all stress tests of a run: one row per test, so the verdicts and headline
/// numbers of a whole run can be read in one place of a CI log.</summary>
internal static class RunTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(IReadOnlyList<(string Name, TestRunRecord Record)> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var width = Math.Clamp(tests.Count == 0 ? 4 : tests.Max(t => t.Name.Length), 4, 60);
        var text = new StringBuilder();
        text.Append("StressTest summary").AppendLine();
        text.Append("  ").Append("test".PadRight(width)).Append("  outcome         count        rps    p95 ms    p99 ms   errors").AppendLine();
        foreach (var (name, record) in tests)
        {
            var shown = name.Length > width ? string.Concat(name.AsSpan(0, width - 1), "…") : name;
            text.Append("  ").Append(shown.PadRight(width)).Append("  ").Append(record.Outcome.ToString().ToLowerInvariant().PadRight(9));
            if (record.Measurements is { } m)
            {
                text.Append(m.Count.ToString("N0", Invariant).PadLeft(12))
                    .Append(m.Rps.ToString("N1", Invariant).PadLeft(11))
                    .Append(ReportNumbers.Ms(m.Summary.P95).PadLeft(10))
                    .Append(ReportNumbers.Ms(m.Summary.P99).PadLeft(10))
                    .Append((m.ErrorRate * 100).ToString("0.##", Invariant).PadLeft(8)).Append(" %");
            }
            else
            {
                text.Append("  no load ran");
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}

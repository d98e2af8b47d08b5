// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Reports.Tables;

namespace StressTest.Runner;

/// <summary>The endpoint and step tables and the checks line of the standard-output summary: aligned plain text,
/// because that is what Test Explorer's output pane and a CI log both show well.</summary>
internal static class DetailText
{
    private const int MaxRows = 20;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder text, RunMeasurements m)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(m);
        if (m.Endpoints.Count > 0)
        {
            var rows = m.Endpoints.Take(MaxRows).Select(e => (e.Name, e.Count, e.Errors, e.Summary, Codes(e))).ToList();
            Table(text, "endpoint", rows, "status codes");
        }

        if (m.Steps.Count > 0)
        {
            var rows = m.Steps.Take(MaxRows).Select(s => (s.Name, s.Count, s.Errors, s.Summary, string.Empty)).ToList();
            Table(text, "step", rows, string.Empty);
        }

        if (m.Checks.Count > 0)
        {
            var failed = m.Checks.Where(c => c.Failed > 0).Take(5).Select(c => $"\"{c.Name}\" ×{c.Failed.ToString("N0", Invariant)}");
            text.Append(Invariant, $"  checks {m.ChecksRate * 100:0.###} % of invocations held all their checks");
            text.Append(m.Checks.Any(c => c.Failed > 0) ? "; failed: " + string.Join(", ", failed) : string.Empty).AppendLine();
        }
    }

    /// <summary>One line per dependency: its counters, as it ordered them (a mock: per route and outcome).</summary>
    public static void AppendDependencies(StringBuilder text, IReadOnlyList<DependencyCounters> dependencies)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dependencies);
        foreach (var dependency in dependencies)
        {
            var counters = dependency.Counters.Select(c => c.Key + " ×" + c.Value.ToString("N0", Invariant));
            text.Append("  dependency ").Append(dependency.Name).Append(": ").Append(dependency.Counters.Count == 0 ? "no counters" : string.Join(", ", counters)).AppendLine();
        }
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<(string Name, long Count, long Errors, LatencySummary Latency, string Extra)> rows, string extraTitle)
    {
        var width = Math.Min(48, Math.Max(title.Length, rows.Max(r => r.Name.Length)));
        text.Append(("  " + title.PadRight(width) + "      count   errors    p50 ms    p95 ms    p99 ms  " + extraTitle).TrimEnd()).AppendLine();
        foreach (var (name, count, errors, latency, extra) in rows)
        {
            var shown = name.Length > width ? string.Concat(name.AsSpan(0, width - 1), "…") : name;
            text.Append("  ").Append(shown.PadRight(width))
                .Append(count.ToString("N0", Invariant).PadLeft(11))
                .Append(errors.ToString("N0", Invariant).PadLeft(9))
                .Append(ReportNumbers.Ms(latency.P50).PadLeft(10))
                .Append(ReportNumbers.Ms(latency.P95).PadLeft(10))
                .Append(ReportNumbers.Ms(latency.P99).PadLeft(10));
            if (extra.Length > 0)
            {
                text.Append("  ").Append(extra);
            }

            text.AppendLine();
        }
    }

    private static string Codes(EndpointMeasurement endpoint) =>
        string.Join(" ", endpoint.StatusCodes.Select(c => (c.Key == 0 ? "none" : c.Key.ToString(Invariant)) + "×" + c.Value.ToString("N0", Invariant)));
}

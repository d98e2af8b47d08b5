// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation.Baselines;
using StressTest.Monitoring.Generator;
using StressTest.Plan;

namespace StressTest.Reports;

/// <summary>Reads a JSON report (a baseline file, or a report given to <c>stresstest compare</c>) as the figures a
/// regression gate compares: the gate knows runs, not report formats.</summary>
internal static class ReportFigures
{
    /// <summary>The figures <paramref name="report"/> records.</summary>
    public static RunFigures From(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var e = report.Environment;
        var p = report.Plan;
        return new RunFigures(
            report.Count,
            report.ErrorRate,
            report.Dropped,
            report.DroppedRate,
            report.Rps,
            Latency(report.LatencyMs),
            [.. report.Series.Select(s => new SecondFigures(s.Start, s.End, s.Count, s.Errors, s.Dropped, s.Rps, new LatencyFigures(s.Min, s.Mean, s.P50, s.P75, s.P90, s.P95, s.P99, s.P99_9, s.Max)))],
            new RunFingerprint(
                new MachineInfo(e.Machine, e.Os, e.Cores, e.Runtime, e.ToolVersion, e.Cpu),
                report.Profile,
                new LoadDescription(p.Model, p.Concurrency, p.Rate, p.MaxConcurrency, p.Arrivals, p.Pacing, p.Stages, p.WarmUp, p.Duration, p.Timeout),
                report.Outcome))
        {
            RunId = report.RunId,
            StartedAt = report.StartedAt,
        };
    }

    private static LatencyFigures Latency(ReportLatency l) => new(l.Min, l.Mean, l.P50, l.P75, l.P90, l.P95, l.P99, l.P99_9, l.Max);
}

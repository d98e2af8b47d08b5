// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Runtime.InteropServices;
using StressTest.Aggregation;
using StressTest.Controller;
using StressTest.Plan;

namespace StressTest.Reports;

/// <summary>Builds the <see cref="StressReport"/> of a run result.</summary>
internal static class ReportBuilder
{
    public static StressReport Build(StressRunResult result, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Plan;
        var m = result.Measurements;
        var latency = m?.Summary ?? LatencySummary.Empty;
        return new StressReport
        {
            Test = plan.FullyQualifiedName,
            DisplayName = plan.DisplayName,
            Outcome = result.Outcome.ToString().ToLowerInvariant(),
            Message = message.Length == 0 ? null : message,
            RunId = result.RunId,
            StartedAt = result.StartedAt,
            DurationSeconds = m?.Measured.TotalSeconds ?? 0,
            Plan = new ReportPlan(
                "closed",
                plan.Load.Concurrency,
                DurationParser.Format(plan.Load.WarmUp),
                DurationParser.Format(plan.Load.Duration),
                DurationParser.Format(plan.Load.Timeout),
                plan.Settings.DurationScale),
            Count = m?.Count ?? 0,
            Errors = m?.Errors ?? 0,
            ErrorRate = m?.ErrorRate ?? 0,
            Stuck = m?.Stuck ?? 0,
            Rps = m?.Rps ?? 0,
            LatencyMs = new ReportLatency(N(latency.Min), N(latency.Mean), N(latency.P50), N(latency.P75), N(latency.P90), N(latency.P95), N(latency.P99), N(latency.P999), N(latency.Max)),
            Thresholds = result.Thresholds
                .Select(t => new ReportThreshold(t.Threshold.Source, t.Threshold.Metric.Name, Thresholds.ComparisonOperatorExtensions.Symbol(t.Threshold.Operator), t.Threshold.Limit, N(t.Actual), t.Passed, t.IsDefault))
                .ToList(),
            ErrorsByType = m?.ErrorsByKind.Select(e => new ReportError(e.Kind, e.Count, e.FirstMessage)).ToList() ?? [],
            Series = m?.Series
                .Select(s => new ReportSecond(s.Index, s.StartSeconds, s.EndSeconds, s.Count, s.Errors, s.Rps, N(s.Latency.P50), N(s.Latency.P90), N(s.Latency.P99), N(s.Latency.Max)))
                .ToList() ?? [],
            Problems = result.Problems,
            Environment = CurrentEnvironment,
            Latency = m?.Latency,
        };
    }

    public static ReportEnvironment CurrentEnvironment { get; } = new(
        System.Environment.MachineName,
        RuntimeInformation.OSDescription,
        System.Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    private static double? N(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Plan.Rules.Thresholds;

/// <summary>What a threshold measures. Later issues add kinds (dropped, checks, probes) without touching the
/// existing ones.</summary>
internal enum MetricKind
{
    Min,
    Mean,
    Max,
    Percentile,
    ErrorRate,
    Rps,
    Count,
    Dropped,
    DroppedRate,
    Checks,
    Probe,
}

/// <summary>A metric a threshold refers to; <see cref="Percentile"/> is set only for <see cref="MetricKind.Percentile"/>
/// (0 &lt; p &lt;= 100).</summary>
internal sealed record ThresholdMetric(MetricKind Kind, double Percentile = 0)
{
    /// <summary>For <see cref="MetricKind.Probe"/>: the probe value's name (<c>db_lock_waits</c>).</summary>
    public string? Probe { get; init; }

    /// <summary>For <see cref="MetricKind.Probe"/>: what is taken of its samples over the measured window.</summary>
    public ProbeStatistic Statistic { get; init; }

    /// <summary>True for latency metrics, whose limits carry a time unit and are held in milliseconds.</summary>
    public bool IsLatency => Kind is MetricKind.Min or MetricKind.Mean or MetricKind.Max or MetricKind.Percentile;

    /// <summary>True for metrics that are fractions (0..1), written as a percentage or a fraction.</summary>
    public bool IsRate => Kind is MetricKind.ErrorRate or MetricKind.DroppedRate or MetricKind.Checks;

    /// <summary>True for metrics a step has: its latency, count, rps and error_rate.</summary>
    public bool AppliesToSteps => IsLatency || Kind is MetricKind.Count or MetricKind.Rps or MetricKind.ErrorRate;

    /// <summary>The canonical name: <c>p95</c>, <c>p99.9</c>, <c>error_rate</c>, <c>rps</c>…</summary>
    public string Name => Kind switch
    {
        MetricKind.Min => "min",
        MetricKind.Mean => "mean",
        MetricKind.Max => "max",
        MetricKind.Percentile => "p" + Percentile.ToString("0.############", CultureInfo.InvariantCulture),
        MetricKind.ErrorRate => "error_rate",
        MetricKind.Rps => "rps",
        MetricKind.Count => "count",
        MetricKind.Dropped => "dropped",
        MetricKind.DroppedRate => "dropped_rate",
        MetricKind.Checks => "checks",
        MetricKind.Probe => $"probe:{Probe} {Statistic.ToString().ToLowerInvariant()}",
        _ => Kind.ToString(),
    };
}

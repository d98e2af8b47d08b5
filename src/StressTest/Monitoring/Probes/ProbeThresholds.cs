// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Monitoring.Probes;

/// <summary>
/// Checks, after <c>[StressSetup]</c> registered the probes and before any load, that every probe threshold names a
/// value some probe reports: a typo must fail at once with the names that exist, never pass as "not measured".
/// </summary>
internal static class ProbeThresholds
{
    /// <summary>One problem per threshold naming an unknown probe value; empty when all are known.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<Threshold> thresholds, IReadOnlyList<IStressProbe> probes)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(probes);
        var known = probes.SelectMany(p => p.Metrics ?? []).ToHashSet(StringComparer.Ordinal);
        var available = known.Count == 0
            ? "no probe is registered: add one in [StressSetup] with setup.AddProbe(...)"
            : "the registered probes report " + string.Join(", ", known.Order(StringComparer.Ordinal).Select(n => "\"" + n + "\""));
        return thresholds
            .Where(t => t.Metric.Kind == MetricKind.Probe && !known.Contains(t.Metric.Probe!))
            .Select(t => $"[Threshold(\"{t.Source}\")]: unknown probe \"{t.Metric.Probe}\"; {available}.")
            .ToList();
    }
}

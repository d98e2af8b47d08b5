// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Evaluation;

/// <summary>A metric's value as messages show it, with its unit: <c>183.4 ms</c>, <c>2.5 %</c>, <c>200.0</c>.</summary>
internal static class MetricFormat
{
    public static string Format(ThresholdMetric metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (metric.Kind == MetricKind.Probe)
        {
            return value.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return metric.IsLatency
            ? value.ToString("0.###", CultureInfo.InvariantCulture) + " ms"
            : metric.IsRate
                ? (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %"
                : metric.Kind == MetricKind.Rps
                    ? value.ToString("0.#", CultureInfo.InvariantCulture)
                    : value.ToString("0", CultureInfo.InvariantCulture);
    }
}

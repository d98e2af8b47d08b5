// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json.Serialization;
using StressTest.Monitoring.Probes;

namespace StressTest.Reports;

/// <summary>One probe value over the measured window: how many seconds were sampled and the statistics a probe
/// threshold can take (null without a sample).</summary>
internal sealed record ReportProbe(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("min")] double? Min,
    [property: JsonPropertyName("max")] double? Max,
    [property: JsonPropertyName("mean")] double? Mean,
    [property: JsonPropertyName("last")] double? Last)
{
    public static ReportProbe From(ProbeSeries series) =>
        new(series.Name, series.Points.Count, N(series.Min), N(series.Max), N(series.Mean), N(series.Last));

    /// <summary>Second → value of each probe value that was sampled in it, for <c>series[].probes</c>.</summary>
    public static IReadOnlyDictionary<int, Dictionary<string, double>> BySecond(IReadOnlyList<ProbeSeries> probes)
    {
        var seconds = new Dictionary<int, Dictionary<string, double>>();
        foreach (var series in probes)
        {
            foreach (var point in series.Points)
            {
                if (!seconds.TryGetValue(point.Second, out var values))
                {
                    seconds[point.Second] = values = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                values[series.Name] = point.Value;
            }
        }

        return seconds;
    }

    private static double? N(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}

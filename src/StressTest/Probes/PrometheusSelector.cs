// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Probes;

/// <summary>
/// Which samples of a Prometheus endpoint make one probe value: a metric name and optional label matchers,
/// <c>http_server_active_requests</c> or <c>process_cpu_seconds_total{job="api"}</c>, written as in PromQL but only
/// with <c>=</c>. The value is the sum of every matching sample (all label combinations when none are given).
/// </summary>
internal sealed record PrometheusSelector(string Metric, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Parses a selector; a problem text instead when it is not one.</summary>
    public static (PrometheusSelector? Selector, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        // A selector is a sample line without a value: the exposition parser reads it when given a value.
        if (!PrometheusText.TryParseLine(trimmed + " 0", out var sample) || sample.Name.Length == 0 || (trimmed.Contains('{', StringComparison.Ordinal) && !trimmed.EndsWith('}')))
        {
            return (null, $"\"{text}\" is not a metric selector; expected a metric name with optional labels, such as http_server_active_requests or process_cpu_seconds_total{{job=\"api\"}}.");
        }

        return (new PrometheusSelector(sample.Name, sample.Labels), null);
    }

    public bool Matches(PrometheusSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Name == Metric && Labels.All(l => sample.Labels.TryGetValue(l.Key, out var value) && value == l.Value);
    }

    /// <summary>The sum of the matching samples, or null when none matched.</summary>
    public double? Sum(IReadOnlyList<PrometheusSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double? sum = null;
        foreach (var sample in samples)
        {
            if (Matches(sample))
            {
                sum = (sum ?? 0) + sample.Value;
            }
        }

        return sum;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;

namespace StressTest.Reports.Charts;

/// <summary>
/// The charts of a report, as data: every time chart draws the JSON report's <c>series</c> fields under the same
/// names (<c>p99</c>, <c>rps</c>, <c>inFlight</c>…), one point per second, so what the HTML
/// shows can be checked against the JSON.
/// </summary>
internal static class ReportCharts
{
    /// <summary>HdrHistogram's .hgrm resolution: five percentile steps per halving of the remaining tail.</summary>
    private const int PercentileTicksPerHalfDistance = 5;

    public static IReadOnlyList<ChartSpec> Build(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<ChartSpec>();
        var latencyGuides = report.Thresholds
            .Where(t => t.Step is null && IsLatency(t.Metric))
            .Select(t => new ChartGuide(t.Source, t.Limit))
            .ToList();
        if (report.Latency is { TotalCount: > 0 } histogram)
        {
            // Scheduled load: service time (from the actual start) beside latency (from the intended start); the gap
            // between the two lines is the time invocations waited to start, which latency charges and service hides.
            List<ChartSeries> distributions = [Distribution("latency", histogram)];
            if (report.ServiceTime is { TotalCount: > 0 } service)
            {
                distributions.Add(Distribution("service time", service));
            }

            charts.Add(new ChartSpec("percentiles", "Latency by percentile", "ms", PercentileAxis.ForCount(histogram.TotalCount), distributions)
            {
                Guides = latencyGuides,
            });
        }

        if (report.Series.Count == 0)
        {
            return charts;
        }

        var open = report.Plan.Model == "open";
        var seconds = new LinearAxis(" s", report.Series[^1].End);
        charts.Add(new ChartSpec("latency", "Latency over time", "ms", seconds,
        [
            Line("p50", s => s.P50), Line("p95", s => s.P95), Line("p99", s => s.P99), Line("max", s => s.Max),
        ])
        {
            Guides = latencyGuides,
        });

        var throughput = new List<ChartSeries> { Line("rps", s => s.Rps) };
        if (open)
        {
            // Open model: the target is arrivals per second, the same unit as the achieved rate.
            throughput.Add(Line("target", s => s.Target) with { Dashed = true });
        }

        charts.Add(new ChartSpec("throughput", "Throughput", "/s", seconds, throughput));
        charts.Add(new ChartSpec("errors", open ? "Errors and dropped arrivals" : "Errors", "/s", seconds,
            open ? [Line("errors", s => s.Errors), Line("dropped", s => s.Dropped)] : [Line("errors", s => s.Errors)]));

        if (open)
        {
            charts.Add(new ChartSpec("inflight", "In flight", "invocations", seconds, [Line("inFlight", s => s.InFlight)])
            {
                Guides = report.Plan.MaxConcurrency is { } cap ? [new ChartGuide($"MaxConcurrency {cap}", cap)] : [],
            });
        }
        else if (report.Plan.Stages is not null)
        {
            // Closed model with stages: the target is a number of workers, which ramps.
            charts.Add(new ChartSpec("inflight", "Workers", "workers", seconds,
                [Line("target", s => s.Target) with { Dashed = true }, Line("inFlight", s => s.InFlight)]));
        }

        ResourceCharts.Add(charts, report, seconds);
        return charts;

        // Each second at its middle: the value is what happened during it.
        ChartSeries Line(string name, Func<ReportSecond, double?> value) => ResourceCharts.Line(report, name, value);
    }

    /// <summary>The percentile distribution as HdrHistogram's .hgrm lists it, in ms.</summary>
    private static ChartSeries Distribution(string name, HistogramBase histogram) =>
        new(name, histogram.Percentiles(PercentileTicksPerHalfDistance)
            .Select(v => new ChartPoint(v.PercentileLevelIteratedTo, v.ValueIteratedTo / LatencyHistograms.MicrosecondsPerMillisecond))
            .ToList());

    private static bool IsLatency(string metric) =>
        metric is "min" or "mean" or "max" || (metric.Length > 1 && metric[0] == 'p' && char.IsAsciiDigit(metric[1]));
}

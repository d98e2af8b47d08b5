// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Reports.Charts;

namespace StressTest.Tests.Reports.Charts;

/// <summary>The percentile chart: latency always; service time beside it when latency is measured from the intended
/// start, so the time spent waiting to start shows as the gap between the lines.</summary>
[TestClass]
public sealed class PercentileChartTests
{
    [TestMethod]
    public void Build_ScheduledLoad_DrawsServiceTimeBesideLatency()
    {
        var (_, report) = ReportSamples.Open(5);
        Assert.AreEqual("intendedStart", report.LatencyMeasuredFrom);

        var chart = ReportCharts.Build(report).Single(c => c.Id == "percentiles");

        Assert.AreSequenceEqual(new[] { "latency", "service time" }, chart.Series.Select(s => s.Name).ToArray());
        Assert.AreEqual(report.ServiceTimeMs.Max!.Value, chart.Series[1].Points.Max(p => p.Y), 1e-9, "the service-time line ends at its maximum");
        Assert.AreEqual(report.LatencyMs.Max!.Value, chart.Series[0].Points.Max(p => p.Y), 1e-9);
    }

    [TestMethod]
    public void Build_NoServiceTimeHistogram_DrawsLatencyAlone()
    {
        var (_, report) = ReportSamples.Open(5);

        var chart = ReportCharts.Build(report with { ServiceTime = null }).Single(c => c.Id == "percentiles");

        Assert.AreSequenceEqual(new[] { "latency" }, chart.Series.Select(s => s.Name).ToArray());
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Reports.Charts;

namespace StressTest.Tests.Reports.Charts;

/// <summary>Axes and scales: HdrHistogram's percentile axis, round tick steps, peak-keeping downsampling.</summary>
[TestClass]
public sealed class ChartAxisTests
{
    [TestMethod]
    [DataRow(0.0, 0.0)]
    [DataRow(90.0, 1.0)]
    [DataRow(99.0, 2.0)]
    [DataRow(99.9, 3.0)]
    [DataRow(99.99, 4.0)]
    [DataRow(100.0, 4.0)]
    public void PercentileAxis_Transform_IsLogOfOneOverOneMinusP(double percentile, double expected)
    {
        var axis = new PercentileAxis(4);

        Assert.AreEqual(expected, axis.Transform(percentile), 1e-9);
    }

    [TestMethod]
    public void PercentileAxis_Ticks_AreTheNines()
    {
        var axis = PercentileAxis.ForCount(12_000);

        var labels = axis.Ticks(0, axis.Decades).Select(t => t.Label).ToArray();

        CollectionAssert.AreEqual(new[] { "0%", "90%", "99%", "99.9%", "99.99%", "99.999%" }, labels);
    }

    [TestMethod]
    [DataRow(43.4, 20.0, 60.0)]
    [DataRow(39.0, 10.0, 40.0)]
    [DataRow(4.0, 1.0, 4.0)]
    [DataRow(1234.0, 500.0, 1500.0)]
    [DataRow(0.07, 0.02, 0.08)]
    [DataRow(0.0, 0.25, 1.0)]
    public void NiceScale_For_PicksRoundSteps(double max, double step, double niceMax)
    {
        var (actualStep, actualMax) = NiceScale.For(max);

        Assert.AreEqual(step, actualStep, 1e-12);
        Assert.AreEqual(niceMax, actualMax, 1e-12);
    }

    [TestMethod]
    [DataRow(12_000.0, "12k")]
    [DataRow(2.5, "2.5")]
    [DataRow(0.30000000000000004, "0.3")]
    public void NiceScale_Label_IsCompact(double value, string expected)
    {
        Assert.AreEqual(expected, NiceScale.Label(value));
    }

    [TestMethod]
    public void LinearAxis_Domain_ReachesTheGivenEnd()
    {
        var axis = new LinearAxis(" s", end: 10);

        Assert.AreEqual((0.0, 10.0), axis.Domain([0.5, 9.5]));
        Assert.AreEqual((0.0, 12.0), axis.Domain([0.5, 12]));
    }

    [TestMethod]
    public void Downsampler_Largest_KeepsEndsAndTheSpike()
    {
        var points = Enumerable.Range(0, 1_000).Select(i => new ChartPoint(i, i == 517 ? 100 : 1)).ToList();

        var sampled = Downsampler.Largest(points, 50);

        Assert.HasCount(50, sampled);
        Assert.AreEqual(points[0], sampled[0]);
        Assert.AreEqual(points[^1], sampled[^1]);
        Assert.Contains(new ChartPoint(517, 100), sampled);
    }
}

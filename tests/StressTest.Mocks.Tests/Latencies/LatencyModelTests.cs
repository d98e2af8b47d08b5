// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Tests.TestSupport;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace StressTest.Mocks.Tests.Latencies;

/// <summary>100,000 seeded draws of each model against its specification: median and p99 within 3 %.</summary>
[TestClass]
public sealed class LatencyModelTests
{
    private const double Tolerance = 0.03;

    [TestMethod]
    public void Constant_AlwaysTheValue()
    {
        var draws = Draws.SortedMilliseconds(Latency.Constant(TimeSpan.FromMilliseconds(25)));

        Assert.AreEqual(25.0, draws[0]);
        Assert.AreEqual(25.0, draws[^1]);
    }

    [TestMethod]
    public void Uniform_MedianAndP99MatchTheSpecification()
    {
        var draws = Draws.SortedMilliseconds(Latency.Uniform(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(110)));

        Draws.AreClose(60, Draws.Quantile(draws, 0.5), Tolerance, "median");
        Draws.AreClose(109, Draws.Quantile(draws, 0.99), Tolerance, "p99");
        Assert.IsGreaterThanOrEqualTo(10.0, draws[0]);
        Assert.IsLessThanOrEqualTo(110.0, draws[^1]);
    }

    [TestMethod]
    [DataRow(50.0, 10.0, DisplayName = "mean far from 0: barely truncated")]
    [DataRow(5.0, 10.0, DisplayName = "mean near 0: truncation shapes the distribution")]
    public void Normal_TruncatedAtZero_MedianAndP99MatchTheTruncatedDistribution(double mean, double standardDeviation)
    {
        var draws = Draws.SortedMilliseconds(Latency.Normal(TimeSpan.FromMilliseconds(mean), TimeSpan.FromMilliseconds(standardDeviation)));

        // Quantile p of a normal truncated below at 0: the normal's quantile at F(0) + p (1 − F(0)).
        var below = Normal.CDF(mean, standardDeviation, 0);
        double Expected(double p) => Normal.InvCDF(mean, standardDeviation, below + (p * (1 - below)));
        Draws.AreClose(Expected(0.5), Draws.Quantile(draws, 0.5), Tolerance, "median");
        Draws.AreClose(Expected(0.99), Draws.Quantile(draws, 0.99), Tolerance, "p99");
        Assert.IsGreaterThanOrEqualTo(0.0, draws[0], "never negative");
    }

    [TestMethod]
    [DataRow(40.0, 300.0, DisplayName = "the sample's payment gateway")]
    [DataRow(2.0, 5.0, DisplayName = "a fast, tight service")]
    [DataRow(100.0, 5000.0, DisplayName = "a very long tail")]
    public void LogNormal_MedianAndP99MatchTheGivenOnes(double median, double p99)
    {
        var draws = Draws.SortedMilliseconds(Latency.LogNormal(TimeSpan.FromMilliseconds(median), TimeSpan.FromMilliseconds(p99)));

        Draws.AreClose(median, Draws.Quantile(draws, 0.5), Tolerance, "median");
        Draws.AreClose(p99, Draws.Quantile(draws, 0.99), Tolerance, "p99");
    }

    [TestMethod]
    public void Draws_SameSeed_SameSequence()
    {
        var latency = Latency.LogNormal(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(300));

        CollectionAssert.AreEqual(Draws.SortedMilliseconds(latency, seed: 7, count: 1000), Draws.SortedMilliseconds(latency, seed: 7, count: 1000));
        CollectionAssert.AreNotEqual(Draws.SortedMilliseconds(latency, seed: 7, count: 1000), Draws.SortedMilliseconds(latency, seed: 8, count: 1000));
    }

    [TestMethod]
    public void LogNormal_P99BelowMedian_NamesP99AndTheMedian()
    {
        var ex = Assert.ThrowsExactly<MockDefinitionException>(() => Latency.LogNormal(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(40)));

        Assert.AreEqual("p99", ex.Field);
        Assert.AreEqual("40ms is below the median (300ms); expected p99 above the median (use a constant latency for no spread)", ex.Problem);
    }

    [TestMethod]
    public void Factories_NegativeDurations_NameTheParameter()
    {
        Assert.AreEqual("value", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Constant(TimeSpan.FromMilliseconds(-1))).Field);
        Assert.AreEqual("min", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Uniform(TimeSpan.FromMilliseconds(-1), TimeSpan.Zero)).Field);
        Assert.AreEqual("max", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Uniform(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(1))).Field);
        Assert.AreEqual("mean", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Normal(TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1))).Field);
        Assert.AreEqual("standardDeviation", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Normal(TimeSpan.FromMilliseconds(1), TimeSpan.Zero)).Field);
        Assert.AreEqual("median", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.LogNormal(TimeSpan.Zero, TimeSpan.FromMilliseconds(1))).Field);
        Assert.AreEqual("value", Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Constant(TimeSpan.FromHours(2))).Field);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation.Statistics;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Evaluation.Statistics;

[TestClass]
public sealed class ShiftIntervalTests
{
    [TestMethod]
    public void Compute_ShiftedCopy_IntervalIsTheOrderStatisticsOfThePairwiseDifferences()
    {
        double[] baseline = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var current = baseline.Select(v => v + 5).ToArray();

        var interval = ShiftInterval.Compute(baseline, current);

        // Differences 5 + i − j for i, j in 1..10; the 24th smallest is 2 and the 24th largest is 8
        // (R: wilcox.test(y, x, conf.int = TRUE) gives the same [2, 8]).
        Assert.AreEqual((2.0, 8.0), interval);
    }

    [TestMethod]
    public void Compute_ConstantRuns_IntervalIsExactlyTheShift()
    {
        var interval = ShiftInterval.Compute(Enumerable.Repeat(10.0, 8).ToArray(), Enumerable.Repeat(14.0, 8).ToArray());

        Assert.AreEqual((4.0, 4.0), interval);
    }

    [TestMethod]
    public void Compute_TooFewValues_IsNull() =>
        Assert.IsNull(ShiftInterval.Compute([1, 2, 3], [4, 5, 6]));

    [TestMethod]
    public void Compute_LongRuns_AreAveragedInBlocksAndStillCoverTheShift()
    {
        var baseline = Enumerable.Range(0, 3600).Select(i => (double)(i % 17)).ToArray();
        var current = baseline.Select(v => v + 3).ToArray();

        var interval = ShiftInterval.Compute(baseline, current);

        Assert.IsNotNull(interval);
        Assert.IsLessThanOrEqualTo(3.0, interval.Value.Low);
        Assert.IsGreaterThanOrEqualTo(3.0, interval.Value.High);
        Assert.IsGreaterThan(0.0, interval.Value.Low, "a shift of 3 in values spread over 0..16 is detected");
    }
}

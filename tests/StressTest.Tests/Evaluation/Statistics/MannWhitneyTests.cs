// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation.Statistics;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Evaluation.Statistics;

[TestClass]
public sealed class MannWhitneyTests
{
    [TestMethod]
    [DataRow(3, 3, 0)] // the most extreme arrangement has probability 1/20 > 2.5 %: no 95 % interval
    [DataRow(4, 4, 1)] // 1/70 ≤ 2.5 % < 2/70
    [DataRow(5, 5, 3)] // P(U ≤ 2) = 4/252 ≤ 2.5 % < P(U ≤ 3) = 7/252
    [DataRow(10, 10, 24)] // the tabled two-sided 5 % critical value of U is 23
    [DataRow(20, 20, 128)] // tabled: 127
    [DataRow(8, 12, 23)] // tabled: 22
    public void CutCount_SmallSamples_MatchesTheTabledCriticalValues(int n, int m, int expected) =>
        Assert.AreEqual(expected, MannWhitney.CutCount(n, m, 0.05));

    [TestMethod]
    public void CutCount_IsSymmetricInTheSampleSizes() =>
        Assert.AreEqual(MannWhitney.CutCount(7, 19, 0.05), MannWhitney.CutCount(19, 7, 0.05));

    [TestMethod]
    public void CutCount_LargeSamples_NormalApproximationAgreesWithTheExactCountAtTheBoundary()
    {
        // 30 + 30 is counted exactly; 31 + 31 is approximated. Both sit within one of nm/2 − 1.96 σ.
        var exact = MannWhitney.CutCount(30, 30, 0.05);
        var approximate = MannWhitney.CutCount(31, 31, 0.05);

        Assert.IsInRange(317, 319, exact);
        Assert.IsInRange(338, 341, approximate);
    }

    [TestMethod]
    public void CutCount_EmptySample_IsZero() => Assert.AreEqual(0, MannWhitney.CutCount(0, 10, 0.05));

    [TestMethod]
    public void ExactCumulative_IsADistributionSymmetricAroundHalfOfNm()
    {
        var cumulative = MannWhitney.ExactCumulative(6, 9);

        Assert.HasCount((6 * 9) + 1, cumulative);
        Assert.AreEqual(1.0, cumulative[^1], 1e-12);
        for (var u = 0; u < cumulative.Length - 1; u++)
        {
            // P(U ≤ u) = P(U ≥ nm − u) = 1 − P(U ≤ nm − u − 1)
            Assert.AreEqual(cumulative[u], 1 - cumulative[cumulative.Length - 2 - u], 1e-12);
        }
    }
}

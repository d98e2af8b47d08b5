// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace StressTest.Evaluation.Statistics;

/// <summary>
/// The null distribution of the Mann–Whitney U statistic, used for one thing: how many of the n·m pairwise
/// differences to cut from each end so that the rest is a distribution-free confidence interval of the shift
/// (Moses' interval, the one that inverts the rank test). Exact for small samples (where per-second data usually
/// are: a 10 s run has 10 seconds), normal approximation above.
/// </summary>
internal static class MannWhitney
{
    /// <summary>Up to this many values in both samples together the distribution is counted exactly: the counts
    /// are at most C(60, 30) ≈ 1.2e17, which a <see cref="long"/> holds without rounding.</summary>
    public const int ExactUpTo = 60;

    private static readonly ConcurrentDictionary<(int N, int M, double Alpha), int> Cache = new();

    /// <summary>
    /// The k for which [D₍ₖ₎, D₍ₙₘ₊₁₋ₖ₎] (order statistics of the pairwise differences, from 1) covers the true shift
    /// with probability at least 1 − <paramref name="alpha"/>; 0 when no interval reaches that confidence with so few
    /// values (3 against 3 cannot: the most extreme arrangement already has probability 1/20 on each side).
    /// </summary>
    public static int CutCount(int n, int m, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        if (n == 0 || m == 0)
        {
            return 0;
        }

        return Cache.GetOrAdd((Math.Min(n, m), Math.Max(n, m), alpha), static key => key.N + key.M <= ExactUpTo
            ? ExactCutCount(key.N, key.M, key.Alpha)
            : NormalCutCount(key.N, key.M, key.Alpha));
    }

    /// <summary>P(U ≤ u) under the null hypothesis, exactly; for tests and for <see cref="ExactCutCount"/>.</summary>
    public static double[] ExactCumulative(int n, int m)
    {
        var counts = Counts(n, m);
        var total = counts.Sum(c => (double)c);
        var cumulative = new double[counts.Length];
        var running = 0.0;
        for (var u = 0; u < counts.Length; u++)
        {
            running += counts[u];
            cumulative[u] = running / total;
        }

        return cumulative;
    }

    private static int ExactCutCount(int n, int m, double alpha)
    {
        var cumulative = ExactCumulative(n, m);
        var u = -1;
        while (u + 1 < cumulative.Length && cumulative[u + 1] <= alpha / 2)
        {
            u++;
        }

        return u + 1;
    }

    private static int NormalCutCount(int n, int m, double alpha)
    {
        var sigma = Math.Sqrt(n * (double)m * (n + m + 1) / 12.0);
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        // Largest u with P(U ≤ u) ≤ α/2, with the continuity correction: Φ((u + 0.5 − nm/2) / σ) ≤ α/2.
        var u = (int)Math.Floor((n * (double)m / 2) - (z * sigma) - 0.5);
        return Math.Max(u + 1, 0);
    }

    /// <summary>How many orderings of n values of one sample and m of the other give U = u, for every u. The last
    /// (largest) value is either from the first sample (U unchanged) or from the second, above all i of the first
    /// (U grows by i): f(i, j, u) = f(i − 1, j, u) + f(i, j − 1, u − i). Row by row, so memory is O(m · nm).</summary>
    private static long[] Counts(int n, int m)
    {
        var previous = new long[m + 1][];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = [1]; // i = 0: one ordering, U = 0
        }

        for (var i = 1; i <= n; i++)
        {
            var current = new long[m + 1][];
            current[0] = [1];
            for (var j = 1; j <= m; j++)
            {
                var row = new long[(i * j) + 1];
                var withoutFirst = previous[j];
                for (var u = 0; u < withoutFirst.Length; u++)
                {
                    row[u] += withoutFirst[u];
                }

                var withoutSecond = current[j - 1];
                for (var u = 0; u < withoutSecond.Length; u++)
                {
                    row[u + i] += withoutSecond[u];
                }

                current[j] = row;
            }

            previous = current;
        }

        return previous[m];
    }
}

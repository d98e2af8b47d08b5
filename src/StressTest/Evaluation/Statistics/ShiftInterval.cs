// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using MathNet.Numerics.Statistics;

namespace StressTest.Evaluation.Statistics;

/// <summary>
/// A distribution-free confidence interval for the shift between two samples (current − baseline): the
/// interval between the k-th smallest and k-th largest of all pairwise differences, with k from the Mann–Whitney
/// null distribution (Moses 1965; Hollander, Wolfe &amp; Chicken, "Nonparametric Statistical Methods", 4.3). It
/// assumes only that both samples are exchangeable values of a distribution that a shift moves, never normality,
/// which per-second latencies are not. An interval that excludes a value is the rank test rejecting that value, so
/// the verdicts and the printed interval can never disagree.
/// </summary>
internal static class ShiftInterval
{
    /// <summary>Above this many values a sample is averaged in consecutive blocks, keeping the pairwise differences
    /// at most 500 × 500 (2 MB) for an hour-long run. Blocks of a sample stay exchangeable, so the interval stays
    /// valid, only a little wider.</summary>
    public const int MaxValues = 500;

    /// <summary>The interval, or null when the samples are too small for the confidence asked for.</summary>
    /// <param name="baseline">The baseline's values (already on the scale the shift is measured on, e.g. logs).</param>
    /// <param name="current">The current run's values.</param>
    /// <param name="alpha">1 − confidence, two-sided: 0.05 for a 95 % interval.</param>
    public static (double Low, double High)? Compute(IReadOnlyList<double> baseline, IReadOnlyList<double> current, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var x = Blocks(baseline);
        var y = Blocks(current);
        var k = MannWhitney.CutCount(x.Length, y.Length, alpha);
        if (k == 0)
        {
            return null;
        }

        var differences = new double[x.Length * y.Length];
        var index = 0;
        foreach (var yi in y)
        {
            foreach (var xj in x)
            {
                differences[index++] = yi - xj;
            }
        }

        // Order statistics by selection (MathNet, 1-based orders), not a full sort.
        var low = ArrayStatistics.OrderStatisticInplace(differences, k);
        var high = ArrayStatistics.OrderStatisticInplace(differences, differences.Length + 1 - k);
        return (low, high);
    }

    private static double[] Blocks(IReadOnlyList<double> values)
    {
        if (values.Count <= MaxValues)
        {
            return [.. values];
        }

        var size = (values.Count + MaxValues - 1) / MaxValues;
        var blocks = new double[(values.Count + size - 1) / size];
        for (var b = 0; b < blocks.Length; b++)
        {
            var start = b * size;
            var end = Math.Min(start + size, values.Count);
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                sum += values[i];
            }

            blocks[b] = sum / (end - start);
        }

        return blocks;
    }
}

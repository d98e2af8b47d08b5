// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using MathNet.Numerics.Random;

namespace StressTest.Mocks.Tests.TestSupport;

/// <summary>Seeded draws of a latency model and their empirical quantiles: deterministic, so a statistical test
/// either always passes or always fails.</summary>
internal static class Draws
{
    public const int Count = 100_000;

    /// <summary>The drawn latencies in milliseconds, sorted.</summary>
    public static double[] SortedMilliseconds(Latency latency, int seed = 42, int count = Count)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = latency.Sample(random).TotalMilliseconds;
        }

        Array.Sort(values);
        return values;
    }

    /// <summary>The empirical quantile: the smallest value with at least <paramref name="p"/> of the draws at or below it.</summary>
    public static double Quantile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Asserts <paramref name="actual"/> is within <paramref name="relative"/> of <paramref name="expected"/>.</summary>
    public static void AreClose(double expected, double actual, double relative, string what) =>
        Assert.IsLessThanOrEqualTo(relative * expected, Math.Abs(actual - expected), $"{what}: expected {expected:0.###}, drew {actual:0.###} (more than {relative:P0} off)");
}

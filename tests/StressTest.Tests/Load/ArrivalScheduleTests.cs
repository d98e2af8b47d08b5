// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;

namespace StressTest.Tests.Load;

/// <summary>Intended arrival times of the open model, evenly spread or as a seeded Poisson process.</summary>
[TestClass]
public sealed class ArrivalScheduleTests
{
    /// <summary>A constant rate gives exactly rate × duration arrivals, the first at zero, evenly spaced, and none at
    /// the end of the window.</summary>
    [TestMethod]
    public void TryNext_UniformConstantRate_ExactCountAndEvenGaps()
    {
        var offsets = Drain(new ArrivalSchedule(LoadShape.Constant(500, TimeSpan.FromSeconds(3)), Arrivals.Uniform, seed: 1));

        Assert.HasCount(1500, offsets);
        Assert.AreEqual(TimeSpan.Zero, offsets[0]);
        Assert.AreEqual(TimeSpan.FromMilliseconds(2998), offsets[^1]);
        for (var i = 1; i < offsets.Count; i++)
        {
            Assert.AreEqual(TimeSpan.FromMilliseconds(2), offsets[i] - offsets[i - 1], $"gap before arrival {i}");
        }
    }

    /// <summary>Each stage receives exactly its integral: a ramp from zero to 100/s over 10 s is 500 arrivals.</summary>
    [TestMethod]
    [DataRow(0.0, "10s:100", new[] { 500 })]
    [DataRow(100.0, "1s:100,1s:100", new[] { 100, 100 })]
    [DataRow(0.0, "10s:100, 10s:100, 10s:0", new[] { 500, 1000, 500 })]
    [DataRow(0.0, "30s:100, 1m:100, 10s:0", new[] { 1500, 6000, 500 })]
    [DataRow(40.0, "2s:40, 4s:10, 1s:10, 2s:0", new[] { 80, 100, 10, 10 })]
    public void TryNext_Uniform_CountPerStageIsItsIntegral(double initial, string stages, int[] expectedPerStage)
    {
        var shape = Shape(initial, stages, out var parsed);

        var offsets = Drain(new ArrivalSchedule(shape, Arrivals.Uniform, seed: 1));

        var start = TimeSpan.Zero;
        for (var i = 0; i < parsed.Count; i++)
        {
            var end = start + parsed[i].Duration;
            Assert.AreEqual(expectedPerStage[i], offsets.Count(o => o >= start && o < end), $"stage {i + 1}");
            start = end;
        }

        Assert.AreEqual(expectedPerStage.Sum(), offsets.Count);
    }

    /// <summary>On a ramp the uniform arrivals sit where the expected count reaches each whole number, so the gaps
    /// shrink as the rate grows.</summary>
    [TestMethod]
    public void TryNext_UniformRamp_ArrivalKAtCumulativeK()
    {
        var shape = Shape(10, "7s:333.3, 3s:50", out _);

        var offsets = Drain(new ArrivalSchedule(shape, Arrivals.Uniform, seed: 1));

        Assert.HasCount((int)Math.Ceiling(shape.Total), offsets);
        for (var k = 0; k < offsets.Count; k++)
        {
            // One tick at the highest rate is 333.3e-7 arrivals.
            Assert.AreEqual(k, shape.CumulativeAt(offsets[k]), 4e-5, $"arrival {k}");
        }
    }

    /// <summary>Nothing arrives while the rate is zero: a leading pause delays the first arrival, a zero shape has
    /// none.</summary>
    [TestMethod]
    [DataRow(Arrivals.Uniform)]
    [DataRow(Arrivals.Poisson)]
    public void TryNext_LeadingPause_FirstArrivalAfterPause(Arrivals arrivals)
    {
        var offsets = Drain(new ArrivalSchedule(Shape(0, "5s:0, 1s:100, 1s:100", out _), arrivals, seed: 7));

        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(5), offsets[0]);
        if (arrivals == Arrivals.Uniform)
        {
            Assert.AreEqual(TimeSpan.FromSeconds(5), offsets[0]);
            Assert.HasCount(150, offsets);
        }
    }

    /// <summary>A shape that is zero throughout yields no arrivals at all.</summary>
    [TestMethod]
    [DataRow(Arrivals.Uniform)]
    [DataRow(Arrivals.Poisson)]
    public void TryNext_ZeroRate_NoArrivals(Arrivals arrivals)
    {
        var schedule = new ArrivalSchedule(LoadShape.Constant(0, TimeSpan.FromSeconds(10)), arrivals, seed: 7);

        Assert.IsFalse(schedule.TryNext(out _));
    }

    /// <summary>Once the window is exhausted the schedule stays exhausted.</summary>
    [TestMethod]
    [DataRow(Arrivals.Uniform)]
    [DataRow(Arrivals.Poisson)]
    public void TryNext_AfterEnd_KeepsReturningFalse(Arrivals arrivals)
    {
        var schedule = new ArrivalSchedule(LoadShape.Constant(10, TimeSpan.FromSeconds(1)), arrivals, seed: 3);
        Drain(schedule);

        Assert.IsFalse(schedule.TryNext(out var offset));
        Assert.IsFalse(schedule.TryNext(out _));
        Assert.AreEqual(TimeSpan.Zero, offset);
    }

    /// <summary>The same seed gives the same offsets, to the tick; another seed gives others.</summary>
    [TestMethod]
    public void TryNext_PoissonSameSeed_SameOffsets()
    {
        var shape = Shape(0, "2s:200, 3s:200, 1s:0", out _);

        var first = Drain(new ArrivalSchedule(shape, Arrivals.Poisson, seed: 42));
        var second = Drain(new ArrivalSchedule(shape, Arrivals.Poisson, seed: 42));
        var other = Drain(new ArrivalSchedule(shape, Arrivals.Poisson, seed: 43));

        CollectionAssert.AreEqual(first, second);
        CollectionAssert.AreNotEqual(first, other);
    }

    /// <summary>Poisson offsets are ascending and inside the half-open window.</summary>
    [TestMethod]
    public void TryNext_Poisson_AscendingWithinWindow()
    {
        var shape = Shape(1000, "1s:0, 1s:5000, 500ms:5000", out _);

        var offsets = Drain(new ArrivalSchedule(shape, Arrivals.Poisson, seed: 5));

        Assert.IsGreaterThanOrEqualTo(TimeSpan.Zero, offsets[0]);
        Assert.IsLessThan(shape.Duration, offsets[^1]);
        for (var i = 1; i < offsets.Count; i++)
        {
            Assert.IsGreaterThanOrEqualTo(offsets[i - 1], offsets[i]);
        }
    }

    /// <summary>Averaged over many seeds, the Poisson count over a ramping shape is its integral, within three
    /// standard errors (the count is Poisson, so its variance is the integral too).</summary>
    [TestMethod]
    public void TryNext_PoissonManySeeds_MeanCountIsIntegral()
    {
        const int Seeds = 400;
        var shape = Shape(50, "2s:300, 1s:0", out _);
        var expected = shape.CumulativeAt(shape.Duration);
        Assert.AreEqual(500, expected, 1e-9);

        var total = 0L;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var schedule = new ArrivalSchedule(shape, Arrivals.Poisson, seed);
            while (schedule.TryNext(out _))
            {
                total++;
            }
        }

        var mean = (double)total / Seeds;
        var standardError = Math.Sqrt(expected / Seeds);
        Assert.AreEqual(expected, mean, 3 * standardError);
    }

    /// <summary>At a constant rate the Poisson gaps are exponential: their mean is 1 / rate within three standard
    /// errors, and their standard deviation equals their mean.</summary>
    [TestMethod]
    public void TryNext_PoissonConstantRate_GapsAverageOneOverRate()
    {
        const double Rate = 1000;
        var offsets = Drain(new ArrivalSchedule(LoadShape.Constant(Rate, TimeSpan.FromSeconds(20)), Arrivals.Poisson, seed: 2026));
        var gaps = offsets.Select((offset, i) => (offset - (i == 0 ? TimeSpan.Zero : offsets[i - 1])).TotalSeconds).ToArray();

        var mean = gaps.Average();
        var deviation = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1));

        var expectedGap = 1 / Rate;
        Assert.AreEqual(expectedGap, mean, 3 * expectedGap / Math.Sqrt(gaps.Length));
        Assert.AreEqual(1, deviation / mean, 0.05);
    }

    /// <summary>TryNext runs once per iteration on the scheduling path and must not allocate.</summary>
    [TestMethod]
    [DataRow(Arrivals.Uniform)]
    [DataRow(Arrivals.Poisson)]
    public void TryNext_Steady_DoesNotAllocate(Arrivals arrivals)
    {
        var schedule = new ArrivalSchedule(Shape(0, "10s:100000, 10s:100000", out _), arrivals, seed: 9);
        for (var i = 0; i < 1000; i++)
        {
            schedule.TryNext(out _);
        }

        // Three windows of 10,000 calls: an allocation per call shows in every window, while the runtime's own one-time
        // work on this thread (tier-up of the loop, seen once in CI as 6 KB in one window) shows in one at most.
        var windows = new long[3];
        for (var w = 0; w < windows.Length; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                schedule.TryNext(out _);
            }

            windows[w] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Contains(0L, windows, $"bytes allocated per window of 10,000 calls: {string.Join(", ", windows)}");
    }

    /// <summary>An arrival spread the schedule does not know is refused.</summary>
    [TestMethod]
    public void Constructor_UnknownArrivals_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => new ArrivalSchedule(LoadShape.Constant(1, TimeSpan.FromSeconds(1)), (Arrivals)99, seed: 0));
    }

    private static List<TimeSpan> Drain(ArrivalSchedule schedule)
    {
        var offsets = new List<TimeSpan>();
        while (schedule.TryNext(out var offset))
        {
            offsets.Add(offset);
        }

        return offsets;
    }

    private static LoadShape Shape(double initial, string stages, out IReadOnlyList<Stage> parsed)
    {
        var result = StagesParser.Parse(stages);
        Assert.IsTrue(result.IsSuccess, result.Error);
        parsed = result.Value;
        return new LoadShape(initial, parsed);
    }
}

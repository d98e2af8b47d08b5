// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;

namespace StressTest.Tests.Load;

/// <summary>The piecewise-linear load level, its integral, the integral's inverse and level crossings.</summary>
[TestClass]
public sealed class LoadShapeTests
{
    private const double Tolerance = 1e-9;

    /// <summary>A constant shape: level everywhere, integral linear, inverse a division.</summary>
    [TestMethod]
    public void Constant_AnyOffset_LevelIntegralAndInverseAreLinear()
    {
        var shape = LoadShape.Constant(500, Seconds(3));

        Assert.AreEqual(Seconds(3), shape.Duration);
        Assert.AreEqual(500, shape.Max);
        Assert.AreEqual(1500, shape.Total);
        Assert.AreEqual(Seconds(0), shape.ActiveFrom);
        Assert.AreEqual(500, shape.TargetAt(Seconds(0)));
        Assert.AreEqual(500, shape.TargetAt(Seconds(1.234)));
        Assert.AreEqual(617, shape.CumulativeAt(Seconds(1.234)), Tolerance);
        Assert.AreEqual(1500, shape.CumulativeAt(Seconds(3)));
        Assert.AreEqual(Seconds(1.234), shape.TimeOfCumulative(617));
        Assert.AreEqual(TimeSpan.FromMilliseconds(2), shape.TimeOfCumulative(1));
        Assert.AreEqual(Seconds(3), shape.TimeOfCumulative(1500));
        Assert.IsNull(shape.TimeOfCumulative(1500.001));
    }

    /// <summary>Before the start the level is the initial one and nothing has accumulated; after the end the level
    /// is the last target and the integral stops growing.</summary>
    [TestMethod]
    public void TargetAtAndCumulativeAt_OutsideShape_ClampToEnds()
    {
        var shape = Shape(20, "10s:100");

        Assert.AreEqual(20, shape.TargetAt(Seconds(-1)));
        Assert.AreEqual(100, shape.TargetAt(Seconds(10)));
        Assert.AreEqual(100, shape.TargetAt(Seconds(3600)));
        Assert.AreEqual(0, shape.CumulativeAt(Seconds(-1)));
        Assert.AreEqual(600, shape.CumulativeAt(Seconds(10)));
        Assert.AreEqual(600, shape.CumulativeAt(Seconds(3600)));
        Assert.AreEqual(TimeSpan.Zero, shape.TimeOfCumulative(0));
        Assert.AreEqual(TimeSpan.Zero, shape.TimeOfCumulative(-5));
    }

    /// <summary>A ramp up from zero: level linear, integral quadratic, inverse a square root.</summary>
    [TestMethod]
    public void RampUpFromZero_AnyOffset_IntegralIsQuadratic()
    {
        var shape = Shape(0, "10s:100");

        Assert.AreEqual(100, shape.Max);
        Assert.AreEqual(500, shape.Total);
        Assert.AreEqual(0, shape.TargetAt(Seconds(0)));
        Assert.AreEqual(50, shape.TargetAt(Seconds(5)), Tolerance);
        Assert.AreEqual(125, shape.CumulativeAt(Seconds(5)), Tolerance);
        Assert.AreEqual(0.05, shape.CumulativeAt(Seconds(0.1)), Tolerance);
        Assert.AreEqual(Seconds(5), shape.TimeOfCumulative(125));
        Assert.AreEqual(Seconds(0.1), shape.TimeOfCumulative(0.05));
        Assert.AreEqual(Seconds(10), shape.TimeOfCumulative(500));
        Assert.IsNull(shape.TimeOfCumulative(500.0001));
    }

    /// <summary>A ramp down to zero: the inverse stays exact right up to the end, where the discriminant is zero.</summary>
    [TestMethod]
    public void RampDownToZero_AnyOffset_IntegralAndInverseExact()
    {
        var shape = Shape(100, "10s:0");

        Assert.AreEqual(100, shape.Max);
        Assert.AreEqual(50, shape.TargetAt(Seconds(5)), Tolerance);
        Assert.AreEqual(375, shape.CumulativeAt(Seconds(5)), Tolerance);
        Assert.AreEqual(500, shape.CumulativeAt(Seconds(10)));
        Assert.AreEqual(Seconds(5), shape.TimeOfCumulative(375));
        Assert.AreEqual(Seconds(9), shape.TimeOfCumulative(495));
        Assert.AreEqual(Seconds(10), shape.TimeOfCumulative(500));
    }

    /// <summary>Stages chain: each ramps from where the previous one ended.</summary>
    [TestMethod]
    public void MultiStage_AnyOffset_FollowsEachStageInTurn()
    {
        var shape = Shape(0, "30s:100, 1m:100, 10s:0");

        Assert.AreEqual(Seconds(100), shape.Duration);
        Assert.AreEqual(100, shape.Max);
        Assert.AreEqual(0, shape.Final);
        Assert.AreEqual(8000, shape.Total);
        Assert.AreEqual(50, shape.TargetAt(Seconds(15)), Tolerance);
        Assert.AreEqual(100, shape.TargetAt(Seconds(30)));
        Assert.AreEqual(100, shape.TargetAt(Seconds(60)));
        Assert.AreEqual(50, shape.TargetAt(Seconds(95)), Tolerance);
        Assert.AreEqual(1500, shape.CumulativeAt(Seconds(30)), Tolerance);
        Assert.AreEqual(7500, shape.CumulativeAt(Seconds(90)), Tolerance);
        Assert.AreEqual(7875, shape.CumulativeAt(Seconds(95)), Tolerance);
        Assert.AreEqual(Seconds(30), shape.TimeOfCumulative(1500));
        Assert.AreEqual(Seconds(60), shape.TimeOfCumulative(4500));
        Assert.AreEqual(Seconds(95), shape.TimeOfCumulative(7875));
    }

    /// <summary>Max counts the initial level too: a shape that only ramps down peaks at its start.</summary>
    [TestMethod]
    public void Max_InitialAboveTargets_IsInitial()
    {
        Assert.AreEqual(300, Shape(300, "5s:10, 5s:200").Max);
    }

    /// <summary>A flat zero segment adds nothing: the inverse jumps over it to where the level rises again.</summary>
    [TestMethod]
    public void TimeOfCumulative_FlatZeroSegment_IsSkipped()
    {
        // 50 for 10 s (500), down to 0 over 1 s (25), 0 for 5 s, up to 50 over 1 s (25), 50 for 10 s (500).
        var shape = Shape(50, "10s:50, 1s:0, 5s:0, 1s:50, 10s:50");

        Assert.AreEqual(525, shape.CumulativeAt(Seconds(11)), Tolerance);
        Assert.AreEqual(525, shape.CumulativeAt(Seconds(13)), Tolerance);
        Assert.AreEqual(525, shape.CumulativeAt(Seconds(16)), Tolerance);
        Assert.AreEqual(Seconds(11), shape.TimeOfCumulative(525));
        Assert.AreEqual(Seconds(16.002), shape.TimeOfCumulative(525.0001));
        Assert.AreEqual(Seconds(17), shape.TimeOfCumulative(550));
        Assert.AreEqual(Seconds(27), shape.TimeOfCumulative(1050));
    }

    /// <summary>A shape that opens with a pause becomes active where the pause ends; one that is zero throughout never
    /// does.</summary>
    [TestMethod]
    public void ActiveFrom_LeadingPauseOrAllZero_IsEndOfPauseOrNull()
    {
        Assert.AreEqual(Seconds(5), Shape(0, "5s:0, 1s:100").ActiveFrom);
        Assert.AreEqual(Seconds(0), Shape(0, "1s:100").ActiveFrom);
        Assert.IsNull(Shape(0, "5s:0, 5s:0").ActiveFrom);
        Assert.IsNull(Shape(0, "5s:0").TimeOfCumulative(1e-12));
    }

    /// <summary>The inverse undoes the integral to the tick across a 24 h shape with steep and shallow ramps and a
    /// high rate. Checked where the level is at least 10: the integral reaches about 4e9 here, where a double
    /// resolves about 5e-7, which at a lower level is more than a tick's worth (an ill-conditioned inverse, not an
    /// inaccurate one).</summary>
    [TestMethod]
    public void TimeOfCumulative_OfCumulativeAt_RoundTripsToTheTick()
    {
        var shape = Shape(0, "1h:100000, 7h:100000, 4h:0.5, 6h:20000.5, 5h59m59.9999999s:0, 0.1us:7");
        Assert.AreEqual(TimeSpan.FromHours(24), shape.Duration);

        var step = shape.Duration.Ticks / 997;
        for (var ticks = 1L; ticks < shape.Duration.Ticks; ticks += step)
        {
            var offset = TimeSpan.FromTicks(ticks);
            if (shape.TargetAt(offset) < 10)
            {
                continue;
            }

            var back = shape.TimeOfCumulative(shape.CumulativeAt(offset));

            Assert.IsNotNull(back);
            Assert.IsLessThanOrEqualTo(1L, Math.Abs(back.Value.Ticks - ticks), $"at {offset}");
        }
    }

    /// <summary>Near the start of a ramp from zero the level is tiny, so the inverse is most sensitive there; the
    /// stable root keeps it exact.</summary>
    [TestMethod]
    [DataRow(1L)]
    [DataRow(10L)]
    [DataRow(12_345L)]
    [DataRow(10_000_000L)]
    [DataRow(863_999_999_999L)]
    public void TimeOfCumulative_RampOverDay_RoundTripsToTheTick(long ticks)
    {
        var shape = Shape(0, "24h:1000000");
        var offset = TimeSpan.FromTicks(ticks);

        var back = shape.TimeOfCumulative(shape.CumulativeAt(offset));

        Assert.AreEqual(offset, back);
    }

    /// <summary>A level already reached at the starting point is reached there.</summary>
    [TestMethod]
    public void TimeAtOrAbove_AlreadyAtLevel_ReturnsFrom()
    {
        var shape = Shape(0, "10s:100");

        Assert.AreEqual(Seconds(7), shape.TimeAtOrAbove(50, Seconds(7)));
        Assert.AreEqual(Seconds(0), shape.TimeAtOrAbove(0, Seconds(0)));
    }

    /// <summary>On a ramp the level is reached where the line crosses it.</summary>
    [TestMethod]
    public void TimeAtOrAbove_OnRamp_ReturnsCrossing()
    {
        var shape = Shape(0, "10s:100, 10s:100");

        Assert.AreEqual(Seconds(5), shape.TimeAtOrAbove(50, Seconds(0)));
        Assert.AreEqual(Seconds(10), shape.TimeAtOrAbove(100, Seconds(0)));
        Assert.AreEqual(Seconds(0.1), shape.TimeAtOrAbove(1, Seconds(-3)));
    }

    /// <summary>A level the shape leaves behind is found again where a later stage climbs back to it.</summary>
    [TestMethod]
    public void TimeAtOrAbove_AfterRampDown_FindsLaterRise()
    {
        var shape = Shape(0, "10s:100, 10s:0, 10s:100, 1s:100");

        Assert.AreEqual(Seconds(12), shape.TimeAtOrAbove(80, Seconds(12)));
        Assert.AreEqual(Seconds(28), shape.TimeAtOrAbove(80, Seconds(13)));
        Assert.AreEqual(Seconds(28), shape.TimeAtOrAbove(80, Seconds(20)));
        Assert.AreEqual(Seconds(30), shape.TimeAtOrAbove(100, Seconds(11)));
    }

    /// <summary>A level never reached, or reached only at the very end, has no time before the end.</summary>
    [TestMethod]
    public void TimeAtOrAbove_NotReachedBeforeEnd_ReturnsNull()
    {
        var shape = Shape(0, "10s:100");

        Assert.IsNull(shape.TimeAtOrAbove(101, Seconds(0)));
        Assert.IsNull(shape.TimeAtOrAbove(100, Seconds(0)));
        Assert.IsNull(shape.TimeAtOrAbove(1, Seconds(10)));
        Assert.IsNull(Shape(100, "10s:0").TimeAtOrAbove(60, Seconds(5)));
    }

    /// <summary>The answer is the first whole tick at which the level really is reached, so a woken worker always
    /// finds itself active and the tick before would not have been.</summary>
    [TestMethod]
    public void TimeAtOrAbove_UnevenRamp_IsFirstQualifyingTick()
    {
        var shape = Shape(0.3, "7s:97.7, 3s:1, 13.3333333s:1000");

        for (var level = 0.5; level < 1000; level += 0.75)
        {
            var found = shape.TimeAtOrAbove(level, Seconds(3));

            Assert.IsNotNull(found, $"level {level}");
            Assert.IsGreaterThanOrEqualTo(level, shape.TargetAt(found.Value), $"level {level}");
            if (found.Value > Seconds(3))
            {
                Assert.IsLessThan(level, shape.TargetAt(found.Value - TimeSpan.FromTicks(1)), $"level {level}");
            }
        }
    }

    /// <summary>Levels the scheduler could not use are refused when the shape is built.</summary>
    [TestMethod]
    public void Constructor_InvalidLevelsOrDurations_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LoadShape(-1, []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LoadShape(double.NaN, []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LoadShape(0, [new Stage(Seconds(1), double.PositiveInfinity)]));
        Assert.ThrowsExactly<ArgumentException>(() => new LoadShape(0, [new Stage(TimeSpan.Zero, 1)]));
    }

    /// <summary>No stages: a shape of zero length that holds its initial level.</summary>
    [TestMethod]
    public void Constructor_NoStages_IsEmpty()
    {
        var shape = new LoadShape(7, []);

        Assert.AreEqual(TimeSpan.Zero, shape.Duration);
        Assert.AreEqual(7, shape.Max);
        Assert.AreEqual(7, shape.TargetAt(Seconds(1)));
        Assert.AreEqual(0, shape.CumulativeAt(Seconds(1)));
        Assert.IsNull(shape.TimeOfCumulative(1));
        Assert.IsNull(shape.TimeAtOrAbove(1, TimeSpan.Zero));
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static LoadShape Shape(double initial, string stages)
    {
        var parsed = StagesParser.Parse(stages);
        Assert.IsTrue(parsed.IsSuccess, parsed.Error);
        return new LoadShape(initial, parsed.Value);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Load;

/// <summary>
/// A load level that changes piecewise-linearly over time: from an initial level, each <see cref="Stage"/> ramps
/// linearly to its target over its duration. The open model reads it as a rate (arrivals per second), the closed
/// model as a number of active workers.
/// </summary>
/// <remarks>
/// <para>
/// Everything the schedulers need is answered here in closed form, per linear segment, rather than by stepping a
/// clock: the level at an offset, the integral of the level (expected arrivals so far), its inverse (when the k-th
/// arrival is due) and when the level first reaches a value (when an idle closed-model worker must wake). Stepping
/// would tie accuracy to the step size; a closed form is exact to the 100 ns tick at any rate.
/// </para>
/// <para>
/// Times are held as whole ticks for segment boundaries and as <see cref="double"/> seconds within a segment;
/// over 24 hours a double second is good to about 10 ps, far below the tick results are rounded to. Offsets are
/// measured from the start of the shape.
/// </para>
/// </remarks>
internal sealed class LoadShape
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    private readonly double _initial;
    private readonly long[] _startTicks;
    private readonly long[] _durationTicks;
    private readonly double[] _seconds;
    private readonly double[] _from;
    private readonly double[] _to;

    // _cumulative[i] is the integral up to the start of segment i; _cumulative[^1] is the total.
    private readonly double[] _cumulative;
    private readonly long _totalTicks;

    /// <summary>Builds the shape that starts at <paramref name="initial"/> and follows <paramref name="stages"/>.</summary>
    /// <param name="initial">The level at offset zero; finite and non-negative.</param>
    /// <param name="stages">The stages in order; each lasts more than zero and has a finite, non-negative target.</param>
    /// <exception cref="ArgumentException">A level is negative or not finite, or a stage does not last.</exception>
    public LoadShape(double initial, IReadOnlyList<Stage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        CheckLevel(initial, nameof(initial));

        var count = stages.Count;
        _initial = initial;
        _startTicks = new long[count];
        _durationTicks = new long[count];
        _seconds = new double[count];
        _from = new double[count];
        _to = new double[count];
        _cumulative = new double[count + 1];

        var level = initial;
        var start = 0L;
        var max = initial;
        for (var i = 0; i < count; i++)
        {
            var stage = stages[i];
            ArgumentNullException.ThrowIfNull(stage, nameof(stages));
            if (stage.Duration <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Stage {i + 1} must last more than zero.", nameof(stages));
            }

            CheckLevel(stage.Target, nameof(stages));
            _startTicks[i] = start;
            _durationTicks[i] = stage.Duration.Ticks;
            _seconds[i] = stage.Duration.Ticks / TicksPerSecond;
            _from[i] = level;
            _to[i] = stage.Target;
            _cumulative[i + 1] = _cumulative[i] + ((level + stage.Target) / 2 * _seconds[i]);
            start += stage.Duration.Ticks;
            level = stage.Target;
            max = Math.Max(max, level);
        }

        _totalTicks = start;
        for (var i = 0; i < count; i++)
        {
            if (_cumulative[i + 1] > 0)
            {
                ActiveFrom = TimeSpan.FromTicks(_startTicks[i]);
                break;
            }
        }

        Max = max;
        Duration = TimeSpan.FromTicks(start);
        Final = level;
    }

    /// <summary>How long the shape lasts: the sum of the stages' durations.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The highest level the shape reaches, the initial level included; sizes worker pools.</summary>
    public double Max { get; }

    /// <summary>The level at the end of the last stage (the initial level when there are no stages).</summary>
    public double Final { get; }

    /// <summary>
    /// Where the integral starts to grow: the start of the first segment whose level is above zero anywhere, or
    /// <see langword="null"/> when the level is zero throughout. A shape that opens with a pause (<c>"10s:0, …"</c>
    /// from zero) becomes active only after it, which is where an open model's first arrival belongs.
    /// </summary>
    public TimeSpan? ActiveFrom { get; }

    /// <summary>The integral of the level over the whole shape: for a rate, the expected number of arrivals.</summary>
    public double Total => _cumulative[^1];

    /// <summary>A shape that holds <paramref name="target"/> for <paramref name="duration"/>.</summary>
    public static LoadShape Constant(double target, TimeSpan duration) => new(target, [new Stage(duration, target)]);

    /// <summary>
    /// The level at <paramref name="offset"/>: the initial level before the start, the last target from
    /// <see cref="Duration"/> on.
    /// </summary>
    public double TargetAt(TimeSpan offset) => TargetAtTicks(offset.Ticks);

    /// <summary>
    /// The integral of the level from zero to <paramref name="offset"/> (clamped to [0, <see cref="Duration"/>]) in
    /// level × seconds: for a rate, the expected number of arrivals so far.
    /// </summary>
    public double CumulativeAt(TimeSpan offset)
    {
        var ticks = offset.Ticks;
        if (ticks <= 0 || _startTicks.Length == 0)
        {
            return 0;
        }

        if (ticks >= _totalTicks)
        {
            return Total;
        }

        var i = SegmentAt(ticks);
        var tau = (ticks - _startTicks[i]) / TicksPerSecond;
        var level = LevelIn(i, ticks);

        // The trapezoid under the segment up to tau.
        return _cumulative[i] + ((_from[i] + level) / 2 * tau);
    }

    /// <summary>
    /// The earliest offset at which <see cref="CumulativeAt"/> reaches <paramref name="cumulative"/>, rounded to the
    /// nearest tick; zero for a cumulative of zero or less, <see langword="null"/> when it exceeds <see cref="Total"/>.
    /// </summary>
    /// <remarks>
    /// Solved in closed form within the one segment where the integral crosses the value. Segments with no area
    /// (a flat zero level) are never chosen, because the earliest crossing is at the end of the segment before.
    /// </remarks>
    public TimeSpan? TimeOfCumulative(double cumulative)
    {
        if (double.IsNaN(cumulative))
        {
            throw new ArgumentOutOfRangeException(nameof(cumulative), cumulative, "The cumulative must be a number.");
        }

        if (cumulative <= 0)
        {
            return TimeSpan.Zero;
        }

        if (cumulative > Total)
        {
            return null;
        }

        // The first segment whose end reaches the value. Its start lies strictly below the value (the segment
        // before ends below it, or the start is zero), so the segment has area and the root below is defined.
        var low = 0;
        var high = _startTicks.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_cumulative[middle + 1] >= cumulative)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var i = low;
        var a = _from[i];
        var b = _to[i];
        var duration = _seconds[i];
        var remaining = cumulative - _cumulative[i];
        double tau;
        if (a == b)
        {
            tau = remaining / a;
        }
        else
        {
            // Solve k·tau² + a·tau − remaining = 0 with k = (b − a) / 2D for its non-negative root, written as
            // 2·remaining / (a + √(a² + 4k·remaining)) rather than the textbook (−a + √…) / 2k: the textbook form
            // cancels catastrophically when the ramp is shallow (k → 0) and divides by zero on a flat one. The
            // denominator is positive: for a rising ramp √… > 0; for a falling one a > b ≥ 0. The discriminant is
            // at least b² in exact arithmetic; rounding can push it a hair below zero at the very end of a ramp down
            // to zero, hence the clamp.
            var k = (b - a) / (2 * duration);
            var discriminant = Math.Max(0, (a * a) + (4 * k * remaining));
            tau = 2 * remaining / (a + Math.Sqrt(discriminant));
        }

        var ticks = Math.Clamp(Math.Round(tau * TicksPerSecond), 0, _durationTicks[i]);
        return TimeSpan.FromTicks(_startTicks[i] + (long)ticks);
    }

    /// <summary>
    /// The earliest offset at or after <paramref name="from"/> at which <see cref="TargetAt"/> is at least
    /// <paramref name="level"/>, or <see langword="null"/> when that does not happen before <see cref="Duration"/>.
    /// </summary>
    /// <remarks>
    /// The closed model uses this to park a worker that is not yet needed and wake it exactly when the ramp makes it
    /// active. The result is the first whole tick at which <see cref="TargetAt"/> really is at least
    /// <paramref name="level"/> (checked, not just computed): a result one tick early would make the woken worker
    /// find itself still inactive, ask again and get the same answer forever.
    /// </remarks>
    public TimeSpan? TimeAtOrAbove(double level, TimeSpan from)
    {
        if (double.IsNaN(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must be a number.");
        }

        var fromTicks = from.Ticks;
        if (fromTicks >= _totalTicks)
        {
            return null;
        }

        if (TargetAtTicks(fromTicks) >= level)
        {
            return from;
        }

        // From here the level at the current point is below the one wanted, so a segment can only reach it by
        // rising; the first one whose end reaches it crosses it.
        for (var i = fromTicks <= 0 ? 0 : SegmentAt(fromTicks); i < _startTicks.Length; i++)
        {
            var a = _from[i];
            var b = _to[i];
            if (b < level)
            {
                continue;
            }

            var crossing = _startTicks[i] + ((level - a) / (b - a) * _durationTicks[i]);
            var ticks = Math.Max((long)Math.Ceiling(crossing), Math.Max(fromTicks, _startTicks[i]));

            // Rounding in the division can leave the computed crossing a tick off either way; settle on the first
            // tick that qualifies. Each loop runs at most a step or two.
            while (ticks > fromTicks && ticks > _startTicks[i] && TargetAtTicks(ticks - 1) >= level)
            {
                ticks--;
            }

            while (TargetAtTicks(ticks) < level)
            {
                ticks++;
            }

            return ticks < _totalTicks ? TimeSpan.FromTicks(ticks) : null;
        }

        return null;
    }

    private static void CheckLevel(double level, string parameterName)
    {
        if (!double.IsFinite(level) || level < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, level, "A level must be finite and not negative.");
        }
    }

    private double TargetAtTicks(long ticks)
    {
        if (ticks < 0 || _startTicks.Length == 0)
        {
            return _initial;
        }

        return ticks >= _totalTicks ? Final : LevelIn(SegmentAt(ticks), ticks);
    }

    /// <summary>The level within segment <paramref name="i"/> at <paramref name="ticks"/> from the shape's start.</summary>
    private double LevelIn(int i, long ticks)
    {
        var a = _from[i];
        var b = _to[i];

        if (a == b)
        {
            return a;
        }

        // The fraction is taken in whole ticks so it carries no error from converting the offset to seconds. The
        // clamp keeps rounding from stepping outside the segment's range: TimeAtOrAbove relies on a falling segment
        // never reading below its end level.
        var level = a + ((b - a) * ((ticks - _startTicks[i]) / (double)_durationTicks[i]));
        return Math.Clamp(level, Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>The segment containing <paramref name="ticks"/>, for 0 ≤ ticks &lt; the total.</summary>
    private int SegmentAt(long ticks)
    {
        var index = Array.BinarySearch(_startTicks, ticks);
        return index >= 0 ? index : ~index - 1;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Monitoring.Generator;

/// <summary>What the automatic warm-up reads every <see cref="WarmUpRule.Step"/>: cumulative counters.</summary>
/// <param name="JitMethods">Methods the JIT compiled since the process started.</param>
/// <param name="JitTime">Time spent compiling since the process started, over all threads.</param>
/// <param name="Completed">Warm-up invocations completed so far.</param>
internal readonly record struct WarmUpReading(long JitMethods, TimeSpan JitTime, long Completed)
{
    /// <summary>This process's JIT counters with the given completions.</summary>
    public static WarmUpReading Current(long completed) => new(
        System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false),
        System.Runtime.JitInfo.GetCompilationTime(currentThread: false),
        completed);
}

/// <summary>Where an automatic warm-up stands after a reading.</summary>
internal enum WarmUpState
{
    /// <summary>Not warm yet: keep the load running unmeasured.</summary>
    Warming,

    /// <summary>The JIT is quiet and throughput has settled: measure from now.</summary>
    Warm,

    /// <summary>The limit was reached before the generator was warm: measure from now anyway (the verdict marks the
    /// seconds that are still warming).</summary>
    Limit,
}

/// <summary>
/// When the load generator is warm enough to measure: the rule of the automatic warm-up (WarmUp not written).
/// </summary>
/// <remarks>
/// <para>Read every <see cref="Step"/> (half a second). A step is <b>quiet</b> when the process spent at most
/// <see cref="QuietJitShare"/> of it compiling (10 % of one core: 50 ms in a half-second step; the engine's own
/// once-a-second work keeps a trickle of 20-80 ms a second of tier-up compilation going for a minute, which changes
/// no throughput). Two steps are <b>settled</b> when their completion rates differ by at most
/// <see cref="SettledChange"/> of the larger (or both saw fewer than <see cref="MinCompletions"/> completions, too few
/// to judge: a slow method is judged by the JIT alone). The generator is <b>warm</b> when the last two steps were
/// quiet and settled, after at least <see cref="MinLength"/>; the warm-up ends at its limit otherwise.</para>
/// <para>Why these signals: on two busy cores an HTTP test's throughput rose from ~5k to ~26k requests/s over its
/// first 10 s while its test host kept compiling (380-580 ms of JIT a second, tier-0 code and PGO-instrumented code
/// running meanwhile); throughput alone cannot tell "still rising" from "noisy", the JIT alone cannot tell a
/// harmless trickle from the hot path being rewritten; both together can.</para>
/// </remarks>
internal sealed class WarmUpRule
{
    /// <summary>How often the rule reads.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    /// <summary>The shortest warm-up: two steps to compare.</summary>
    public static readonly TimeSpan MinLength = TimeSpan.FromSeconds(1);

    /// <summary>A step is quiet when JIT time is at most this share of its wall time (of one core).</summary>
    public const double QuietJitShare = 0.10;

    /// <summary>Two steps are settled when their rates differ by at most this share of the larger.</summary>
    public const double SettledChange = 0.10;

    /// <summary>Below this many completions in each step, throughput is not judged.</summary>
    public const long MinCompletions = 20;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly TimeProvider _time;
    private readonly TimeSpan _limit;
    private readonly long _start;
    private (long At, WarmUpReading Reading)? _last;
    private (bool Quiet, double Rate, long Completed)? _lastStep;

    /// <param name="time">The clock the readings are taken on.</param>
    /// <param name="limit">The longest warm-up.</param>
    /// <param name="first">The reading at the warm-up's start.</param>
    public WarmUpRule(TimeProvider time, TimeSpan limit, WarmUpReading first)
    {
        _time = time;
        _limit = limit;
        _start = time.GetTimestamp();
        _last = (_start, first);
    }

    /// <summary>How long the warm-up has run at the last reading.</summary>
    public TimeSpan Length { get; private set; }

    /// <summary>The last step's JIT time per second, ms, and completion rate per second, for the result's text.</summary>
    public (double JitMsPerSecond, double Rate) LastStep { get; private set; }

    /// <summary>Takes a reading now and says whether the generator is warm.</summary>
    public WarmUpState Observe(WarmUpReading reading)
    {
        var now = _time.GetTimestamp();
        Length = _time.GetElapsedTime(_start, now);
        var (lastAt, last) = _last!.Value;
        var seconds = _time.GetElapsedTime(lastAt, now).TotalSeconds;
        if (seconds <= 0)
        {
            return Length >= _limit ? WarmUpState.Limit : WarmUpState.Warming;
        }

        _last = (now, reading);
        var jitMsPerSecond = (reading.JitTime - last.JitTime).TotalMilliseconds / seconds;
        var completed = reading.Completed - last.Completed;
        var step = (Quiet: jitMsPerSecond <= QuietJitShare * 1000, Rate: completed / seconds, Completed: completed);
        LastStep = (jitMsPerSecond, step.Rate);
        var previous = _lastStep;
        _lastStep = step;
        if (previous is { } before && step.Quiet && before.Quiet && Length >= MinLength && Settled(before, step))
        {
            return WarmUpState.Warm;
        }

        return Length >= _limit ? WarmUpState.Limit : WarmUpState.Warming;
    }

    /// <summary>What the result says of the warm-up: <c>JIT quiet and throughput settled after 2.1 s</c>.</summary>
    public string Describe(WarmUpState state) => state == WarmUpState.Warm
        ? string.Create(Invariant, $"JIT quiet and throughput settled after {Length.TotalSeconds:0.0} s")
        : string.Create(Invariant, $"not warm after {Length.TotalSeconds:0.0} s (last half second: {LastStep.JitMsPerSecond:0} ms of JIT a second, {LastStep.Rate:N0} invocations/s): measured anyway");

    private static bool Settled((bool Quiet, double Rate, long Completed) before, (bool Quiet, double Rate, long Completed) step)
    {
        if (before.Completed < MinCompletions && step.Completed < MinCompletions)
        {
            return true;
        }

        var larger = Math.Max(before.Rate, step.Rate);
        return larger > 0 && Math.Abs(step.Rate - before.Rate) <= SettledChange * larger;
    }
}

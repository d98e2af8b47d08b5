// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Time.Testing;
using StressTest.Monitoring.Generator;

namespace StressTest.Tests.Monitoring.Generator;

/// <summary>The automatic warm-up's rule on a fake clock, fed synthetic readings every half second.</summary>
[TestClass]
public sealed class WarmUpRuleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [TestMethod]
    public void Observe_QuietAndSettledFromTheStart_WarmAfterTheMinimumLength()
    {
        var (clock, rule) = Start();

        var states = Feed(clock, rule, Steps(10, jitMs: 10, completed: 5_000));

        Assert.AreSequenceEqual(new[] { WarmUpState.Warming, WarmUpState.Warm }, states);
        Assert.AreEqual(TimeSpan.FromSeconds(1), rule.Length);
        Assert.AreEqual("JIT quiet and throughput settled after 1.0 s", rule.Describe(WarmUpState.Warm));
    }

    [TestMethod]
    public void Observe_JitBusyForThreeSecondsThenQuiet_WarmOneSecondAfterTheJitQuietens()
    {
        var (clock, rule) = Start();
        var steps = Steps(6, jitMs: 250, completed: 5_000).Concat(Steps(10, jitMs: 20, completed: 5_000));

        var states = Feed(clock, rule, steps);

        Assert.AreEqual(WarmUpState.Warm, states[^1]);
        Assert.AreEqual(TimeSpan.FromSeconds(4), rule.Length, "3 s busy, then two quiet half-seconds");
    }

    [TestMethod]
    public void Observe_JitAtTheQuietLimit_CountsAsQuiet()
    {
        var (clock, rule) = Start();

        // 10 % of one core over half a second is 50 ms.
        var states = Feed(clock, rule, Steps(4, jitMs: 50, completed: 1_000));

        Assert.AreEqual(WarmUpState.Warm, states[^1]);
    }

    [TestMethod]
    public void Observe_ThroughputStillClimbing_StaysWarmingWhileItRisesMoreThanTenPercent()
    {
        var (clock, rule) = Start();

        // Quiet JIT, but each half second completes 20 % more than the one before, then it settles at 3,000.
        var rising = new[] { 1_000L, 1_200, 1_440, 1_728, 2_074, 2_488, 3_000, 3_000 }.Select(c => (JitMs: 10.0, Completed: c));

        var states = Feed(clock, rule, rising);

        Assert.AreSequenceEqual(Enumerable.Repeat(WarmUpState.Warming, 7).Append(WarmUpState.Warm).ToArray(), states);
        Assert.AreEqual(TimeSpan.FromSeconds(4), rule.Length);
    }

    [TestMethod]
    public void Observe_ChangeOfExactlyTenPercent_IsSettled()
    {
        var (clock, rule) = Start();

        var states = Feed(clock, rule, [(10, 900), (10, 1_000)]);

        Assert.AreEqual(WarmUpState.Warm, states[^1]);
    }

    [TestMethod]
    public void Observe_TooFewCompletionsToJudge_JitAloneDecides()
    {
        var (clock, rule) = Start();

        // A slow method: 3 and 9 completions per half second differ threefold, but that many say nothing.
        var states = Feed(clock, rule, [(5, 3), (5, 9)]);

        Assert.AreEqual(WarmUpState.Warm, states[^1]);
    }

    [TestMethod]
    public void Observe_NeverWarm_EndsAtTheLimitAndSaysWhy()
    {
        var clock = new FakeTimeProvider();
        var rule = new WarmUpRule(clock, TimeSpan.FromSeconds(3), default);

        var states = Feed(clock, rule, Steps(20, jitMs: 400, completed: 4_000));

        Assert.AreSequenceEqual(Enumerable.Repeat(WarmUpState.Warming, 5).Append(WarmUpState.Limit).ToArray(), states);
        Assert.AreEqual("not warm after 3.0 s (last half second: 800 ms of JIT a second, 8,000 invocations/s): measured anyway", rule.Describe(WarmUpState.Limit));
    }

    [TestMethod]
    public void Observe_NothingCompletesAndTheJitIsQuiet_WarmAfterTheMinimum()
    {
        // A ramp that starts at 0 warms nothing: there is nothing to wait for.
        var (clock, rule) = Start();

        var states = Feed(clock, rule, Steps(4, jitMs: 0, completed: 0));

        Assert.AreEqual(WarmUpState.Warm, states[^1]);
        Assert.AreEqual(TimeSpan.FromSeconds(1), rule.Length);
    }

    [TestMethod]
    public void Observe_ReadingsAtUnevenIntervals_RatesArePerSecond()
    {
        var (clock, rule) = Start();
        var reading = default(WarmUpReading);

        // 1,000 in half a second and 2,000 in a whole second are the same rate.
        clock.Advance(TimeSpan.FromMilliseconds(500));
        reading = reading with { Completed = reading.Completed + 1_000 };
        Assert.AreEqual(WarmUpState.Warming, rule.Observe(reading));
        clock.Advance(TimeSpan.FromSeconds(1));
        reading = reading with { Completed = reading.Completed + 2_000 };

        Assert.AreEqual(WarmUpState.Warm, rule.Observe(reading));
        Assert.AreEqual(2_000, rule.LastStep.Rate, 1e-9);
    }

    private static (FakeTimeProvider Clock, WarmUpRule Rule) Start()
    {
        var clock = new FakeTimeProvider();
        return (clock, new WarmUpRule(clock, Limit, default));
    }

    /// <summary>Steps of half a second, each with its JIT time (ms) and completions.</summary>
    private static IEnumerable<(double JitMs, long Completed)> Steps(int count, double jitMs, long completed) =>
        Enumerable.Repeat((jitMs, completed), count);

    /// <summary>Advances the clock by a step, takes the reading, until the rule stops warming.</summary>
    private static WarmUpState[] Feed(FakeTimeProvider clock, WarmUpRule rule, IEnumerable<(double JitMs, long Completed)> steps)
    {
        var states = new List<WarmUpState>();
        var reading = default(WarmUpReading);
        foreach (var (jitMs, completed) in steps)
        {
            clock.Advance(WarmUpRule.Step);
            reading = new WarmUpReading(reading.JitMethods + 10, reading.JitTime + TimeSpan.FromMilliseconds(jitMs), reading.Completed + completed);
            var state = rule.Observe(reading);
            states.Add(state);
            if (state != WarmUpState.Warming)
            {
                break;
            }
        }

        return [.. states];
    }
}

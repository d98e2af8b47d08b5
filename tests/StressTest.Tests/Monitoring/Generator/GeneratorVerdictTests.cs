// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Monitoring.Generator;
using StressTest.Plan.Methods;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Monitoring.Generator;

[TestClass]
public sealed class GeneratorVerdictTests
{
    private static readonly GeneratorHealth Calm = new(0.2, 80, 1, 2, 10, 4, 0, 0);

    [TestMethod]
    public void Judge_CpuSaturatedFrom12To40_OneWindowWithTheWarning()
    {
        var series = Series(50, i => i is >= 12 and < 40 ? Calm with { CpuCores = 1.95 } : Calm);

        var verdict = GeneratorVerdict.Judge(series, cores: 2);

        Assert.IsTrue(verdict.Saturated);
        Assert.AreEqual(28, verdict.SaturatedSeconds);
        var window = Assert.ContainsSingle(verdict.Windows);
        Assert.AreEqual((12.0, 40.0), (window.FromSeconds, window.ToSeconds));
        Assert.AreEqual(SaturationCause.Generator, window.Cause);
        Assert.AreEqual(
            "Warning: the load generator itself was short of CPU or threads from 12 s to 40 s (CPU 1.95 of 2 cores): the load offered there was capped by the generator, and latency includes waiting for a core or a thread.",
            verdict.Warning);
        Assert.IsNull(verdict.KeptUpNote);
    }

    [TestMethod]
    public void Judge_CalmRun_NoWarning()
    {
        var verdict = GeneratorVerdict.Judge(Series(10, _ => Calm), cores: 2);

        Assert.IsTrue(verdict.Sampled);
        Assert.IsFalse(verdict.Saturated);
        Assert.IsNull(verdict.Warning);
        Assert.AreEqual("The load generator kept up throughout (CPU at most 0.2 of 2 cores, no JIT warming): these numbers describe the API.", verdict.KeptUpNote);
    }

    [TestMethod]
    public void Judge_OneSaturatedSecond_DoesNotWarn()
    {
        var verdict = GeneratorVerdict.Judge(Series(10, i => i == 0 ? Calm with { LatenessP99Ms = 30 } : Calm), cores: 2);

        Assert.AreEqual(1, verdict.SaturatedSeconds);
        Assert.IsFalse(verdict.Saturated, "the JIT's first second alone is no verdict");
    }

    [TestMethod]
    public void Judge_OneCalmSecondBetween_BridgesTwoCalmSecondsSplit()
    {
        var saturated = new HashSet<int> { 2, 3, 5, 6, 9, 10 };

        var verdict = GeneratorVerdict.Judge(Series(12, i => saturated.Contains(i) ? Calm with { LatenessP99Ms = 8 } : Calm), cores: 2);

        Assert.AreSequenceEqual(new[] { (2.0, 7.0), (9.0, 11.0) }, verdict.Windows.Select(w => (w.FromSeconds, w.ToSeconds)).ToArray());
        Assert.AreEqual(
            "Warning: the load generator started invocations late from 2 s to 7 s (start lateness p99 8 ms): latency from the intended start there includes up to 8 ms (p99) of the generator's lateness; service time does not; "
            + "and the load generator started invocations late from 9 s to 11 s (start lateness p99 8 ms): latency from the intended start there includes up to 8 ms (p99) of the generator's lateness; service time does not.",
            verdict.Warning);
    }

    [TestMethod]
    public void Judge_NoHealth_NotSampled()
    {
        var verdict = GeneratorVerdict.Judge(Series(5, _ => null), cores: 2);

        Assert.IsFalse(verdict.Sampled);
        Assert.IsNull(verdict.Warning);
    }

    [TestMethod]
    public void Reasons_EachRuleAtItsLimit()
    {
        Assert.IsEmpty(SaturationRules.Reasons(Calm with { CpuCores = 1.79 }, null, 1, 2));
        Assert.AreSequenceEqual(new[] { "CPU 1.8 of 2 cores" }, SaturationRules.Reasons(Calm with { CpuCores = 1.8 }, null, 1, 2).ToArray());
        Assert.AreSequenceEqual(new[] { "thread-pool queue 100 and not shrinking" }, SaturationRules.Reasons(Calm with { ThreadPoolQueue = 100 }, Calm with { ThreadPoolQueue = 90 }, 1, 2).ToArray());
        Assert.IsEmpty(SaturationRules.Reasons(Calm with { ThreadPoolQueue = 150 }, Calm with { ThreadPoolQueue = 400 }, 1, 2), "a shrinking queue is catching up");
        Assert.IsEmpty(SaturationRules.Reasons(Calm with { LatenessP99Ms = 5 }, null, 1, 2));
        Assert.AreSequenceEqual(new[] { "start lateness p99 5.1 ms" }, SaturationRules.Reasons(Calm with { LatenessP99Ms = 5.1 }, null, 1, 2).ToArray());
        Assert.AreSequenceEqual(new[] { "GC paused 200 ms" }, SaturationRules.Reasons(Calm with { GcPauseMs = 200 }, null, 1, 2).ToArray());
    }

    [TestMethod]
    public void From_TwoReadingsHalfASecondApart_RatesPerSecond()
    {
        var before = new ProcessReading(TimeSpan.FromSeconds(10), 100 << 20, 5, TimeSpan.FromMilliseconds(30), 1L << 30, 4, 0, 7);
        var after = new ProcessReading(TimeSpan.FromSeconds(10.9), 120 << 20, 8, TimeSpan.FromMilliseconds(42), (1L << 30) + (50 << 20), 6, 12, 10);

        var health = HealthSampler.From(before, after, seconds: 0.5);

        Assert.AreEqual(new GeneratorHealth(1.8, 120, 3, 12, 100, 6, 12, 3), health);
    }

    private static List<HealthSecond> Series(int seconds, Func<int, GeneratorHealth?> health) =>
        Enumerable.Range(0, seconds).Select(i => new HealthSecond(i, i + 1, health(i))).ToList();
}

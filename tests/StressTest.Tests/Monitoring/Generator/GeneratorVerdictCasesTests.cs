// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Monitoring.Generator;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Monitoring.Generator;

/// <summary>
/// The verdict's three cases on synthetic series, each with its own wording: the generator itself short (of CPU or
/// threads, or still warming), the machine busy with another process (named), and the API slow while the generator
/// stayed idle, which is never called saturated.
/// </summary>
[TestClass]
public sealed class GeneratorVerdictCasesTests
{
    private static readonly GeneratorHealth Calm = new(0.2, 80, 1, 2, 10, 4, 0, 0) { JitMs = 20, JitMethods = 30, MachineCpuCores = 0.5 };

    [TestMethod]
    public void Judge_GeneratorShortOfThreads_BlamesTheGeneratorAndSaysTheLoadWasCapped()
    {
        var queue = new[] { 150L, 300, 450, 600 };

        var verdict = GeneratorVerdict.Judge(Series(8, i => i is >= 2 and < 6 ? Calm with { ThreadPoolQueue = queue[i - 2], MachineCpuCores = 1.9 } : Calm), cores: 2);

        var window = Assert.ContainsSingle(verdict.Windows);
        Assert.AreEqual(SaturationCause.Generator, window.Cause);
        Assert.AreEqual(
            "Warning: the load generator itself was short of CPU or threads from 2 s to 6 s (thread-pool queue 150 and not shrinking): the load offered there was capped by the generator, and latency includes waiting for a core or a thread.",
            verdict.Warning);
    }

    [TestMethod]
    public void Judge_JitBusyInTheFirstSeconds_WarmingWithTheMethodsAndTheJitTime()
    {
        var verdict = GeneratorVerdict.Judge(Series(10, i => i < 3 ? Calm with { JitMs = 380, JitMethods = 1_240 } : Calm), cores: 2);

        var window = Assert.ContainsSingle(verdict.Windows);
        Assert.AreEqual((0.0, 3.0), (window.FromSeconds, window.ToSeconds));
        Assert.AreEqual(SaturationCause.Generator, window.Cause);
        Assert.AreEqual(
            "Warning: the load generator was still warming up (its JIT compiling) from 0 s to 3 s (warming: 1,240 methods compiled, 380 ms of JIT in this second): "
                + "throughput there was held back by the generator's JIT, not the API (leave WarmUp unset, or longer, to spend it before measuring).",
            verdict.Warning);
    }

    [TestMethod]
    public void Reason_JitJustBelowAndAtTheLimit_WarmingFrom150Ms()
    {
        Assert.IsNull(WarmingRule.Reason(Calm with { JitMs = 149.9 }, 1));
        Assert.AreEqual("warming: 30 methods compiled, 150 ms of JIT in this second", WarmingRule.Reason(Calm with { JitMs = 150 }, 1));
        Assert.IsNull(WarmingRule.Reason(Calm with { JitMs = 150 }, 2), "a two-second interval needs twice the JIT time");
    }

    [TestMethod]
    public void Judge_LateWhileOtherProcessesHoldTheCores_BlamesTheMachineAndNamesThem()
    {
        var busy = Calm with { LatenessP99Ms = 12, CpuCores = 0.25, MachineCpuCores = 1.98, BusiestOthers = ["yes (pid 4711) 1.6 cores", "dotnet MSBuild.dll (pid 42) 0.1 cores"] };

        var verdict = GeneratorVerdict.Judge(Series(6, i => i is 1 or 2 or 3 ? busy with { LatenessP99Ms = 9 + i } : Calm), cores: 2);

        var window = Assert.ContainsSingle(verdict.Windows);
        Assert.AreEqual(SaturationCause.Machine, window.Cause);
        Assert.AreEqual(12.0, window.MaxLatenessP99Ms);
        Assert.AreEqual(
            "Warning: the machine was busy with other work from 1 s to 4 s (other processes 1.73 of 2 cores: yes (pid 4711) 1.6 cores, dotnet MSBuild.dll (pid 42) 0.1 cores, start lateness p99 10 ms): "
                + "latency from the intended start there includes up to 12 ms (p99) of the generator's lateness; service time does not.",
            verdict.Warning);
    }

    [TestMethod]
    public void Judge_LateOnAnIdleMachine_TheGeneratorsOwnLateness()
    {
        var verdict = GeneratorVerdict.Judge(Series(6, i => i is 1 or 2 ? Calm with { LatenessP99Ms = 7 } : Calm), cores: 2);

        Assert.AreEqual(SaturationCause.Generator, Assert.ContainsSingle(verdict.Windows).Cause);
        Assert.StartsWith("Warning: the load generator started invocations late from 1 s to 3 s", verdict.Warning!);
    }

    [TestMethod]
    public void Judge_BusyMachineButTheGeneratorOnTime_NoWarning()
    {
        // Other work next door that never made the generator late is not the generator verdict's business.
        var verdict = GeneratorVerdict.Judge(Series(6, _ => Calm with { MachineCpuCores = 2, LatenessP99Ms = 0.3 }), cores: 2);

        Assert.IsFalse(verdict.Saturated);
        Assert.IsNotNull(verdict.KeptUpNote);
    }

    [TestMethod]
    public void Judge_ApiSlowWithTheGeneratorIdle_NotSaturatedAndTheFailureSaysTheNumbersAreTheApis()
    {
        // A spike against a slow API: service time p50 613 ms, 220 in flight, dropped arrivals; the generator idle.
        var idle = Calm with { CpuCores = 0.12, LatenessP99Ms = 0.4 };
        var verdict = GeneratorVerdict.Judge(Series(10, _ => idle), cores: 2);

        Assert.IsFalse(verdict.Saturated);
        Assert.IsNull(verdict.Warning);
        Assert.AreEqual(
            "The load generator kept up throughout (CPU at most 0.12 of 2 cores, start lateness p99 at most 0.4 ms, no JIT warming): these numbers describe the API.",
            verdict.KeptUpNote);
    }

    [TestMethod]
    public void Sample_AnotherProcessSpinning_IsNamedWithItsCores()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("/proc is Linux's.");
        }

        var machine = MachineLoad.ForThisMachine()!;
        using var spinner = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!;
        try
        {
            var clock = TimeProvider.System;
            var start = clock.GetTimestamp();
            // The machine is shared (other test hosts may be busier than the spinner): look among the busiest ten.
            List<string> named = [];
            for (var i = 0; i < 5 && !named.Any(n => n.StartsWith("sh (pid " + spinner.Id + ")", StringComparison.Ordinal)); i++)
            {
                Thread.Sleep(500);
                named = machine.BusiestOthers(clock.GetElapsedTime(start).TotalSeconds, 10);
            }

            var (cores, _) = machine.Sample(1, 0, clock.GetElapsedTime(start).TotalSeconds);
            Assert.IsGreaterThanOrEqualTo(0.5, cores ?? 0, "the spinner alone keeps half a core busy at least");
            var line = named.SingleOrDefault(n => n.StartsWith("sh (pid " + spinner.Id + ")", StringComparison.Ordinal));
            Assert.IsNotNull(line, string.Join(" | ", named));
            Assert.EndsWith(" cores", line);
        }
        finally
        {
            spinner.Kill();
            spinner.WaitForExit();
        }
    }

    private static List<HealthSecond> Series(int seconds, Func<int, GeneratorHealth?> health) =>
        Enumerable.Range(0, seconds).Select(i => new HealthSecond(i, i + 1, health(i))).ToList();
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Transport.Contracts;

/// <summary>How the load generator's process fared during one interval (normally one second): what decides whether
/// the interval's numbers describe the API or the generator (<c>SaturationRules</c>).</summary>
/// <param name="CpuCores">Process CPU used in the interval, in cores (2.0: two cores busy all the time).</param>
/// <param name="WorkingSetMb">Working set at the interval's end, MB.</param>
/// <param name="GcCollections">Garbage collections in the interval (all generations).</param>
/// <param name="GcPauseMs">Time the runtime was paused for GC in the interval, ms.</param>
/// <param name="AllocatedMbPerSecond">Managed allocation rate, MB/s.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads at the interval's end.</param>
/// <param name="ThreadPoolQueue">Work items waiting for a thread-pool thread at the interval's end.</param>
/// <param name="LockContentions">Contended Monitor lock acquisitions in the interval.</param>
internal sealed record GeneratorHealth(
    double CpuCores,
    double WorkingSetMb,
    long GcCollections,
    double GcPauseMs,
    double AllocatedMbPerSecond,
    int ThreadPoolThreads,
    long ThreadPoolQueue,
    long LockContentions)
{
    /// <summary>p99 of how late invocations started against their schedule in the interval, ms; null without a
    /// schedule (the unpaced closed model) or when nothing started.</summary>
    public double? LatenessP99Ms { get; init; }

    /// <summary>Methods the JIT compiled in the interval (tier-0, tier-1 re-compilations and dynamic methods alike):
    /// a generator still compiling its own code offers less load than it will once warm.</summary>
    public long JitMethods { get; init; }

    /// <summary>Time spent compiling methods in the interval, ms, summed over threads (the background tier-1
    /// compiler included), so it can exceed the interval on a machine with several cores.</summary>
    public double JitMs { get; init; }

    /// <summary>The whole machine's busy CPU in the interval, in cores (every process, the kernel and the time the
    /// hypervisor stole included); null where the operating system does not tell (only Linux does today).</summary>
    public double? MachineCpuCores { get; init; }

    /// <summary>The processes besides this one that used the most CPU in the interval, busiest first, as
    /// <c>name (pid 123) 0.85 cores</c>: only read when other work used a noticeable share of the machine, so a
    /// contended machine's verdict can name what contended it; empty otherwise.</summary>
    public IReadOnlyList<string> BusiestOthers { get; init; } = [];
}

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
}

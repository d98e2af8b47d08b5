// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Runtime;

namespace StressTest.Monitoring.Generator;

/// <summary>Cumulative counters of a .NET process at one moment; two readings make an interval's figures.</summary>
/// <param name="Cpu">Processor time used since the process started (user + kernel).</param>
/// <param name="WorkingSet">Working set, bytes.</param>
/// <param name="GcCollections">Collections since start (gen 0 counts every collection).</param>
/// <param name="GcPause">Total time paused for GC since start.</param>
/// <param name="Allocated">Managed bytes allocated since start.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads now.</param>
/// <param name="ThreadPoolQueue">Work items waiting now.</param>
/// <param name="LockContentions">Contended Monitor acquisitions since start.</param>
internal readonly record struct ProcessReading(
    TimeSpan Cpu,
    long WorkingSet,
    long GcCollections,
    TimeSpan GcPause,
    long Allocated,
    int ThreadPoolThreads,
    long ThreadPoolQueue,
    long LockContentions)
{
    /// <summary>Methods the JIT compiled since the process started (every thread, tier-up re-compilations included).</summary>
    public long JitMethods { get; init; }

    /// <summary>Time spent in the JIT since the process started, summed over threads.</summary>
    public TimeSpan JitTime { get; init; }

    /// <summary>This process, from the runtime's own counters: each is a field read or a system call, no allocation
    /// (<see cref="Environment.CpuUsage"/>, not <see cref="Process"/>, which builds an object per read).</summary>
    public static ProcessReading Current() => new(
        Environment.CpuUsage.TotalTime,
        Environment.WorkingSet,
        GC.CollectionCount(0),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: false),
        ThreadPool.ThreadCount,
        ThreadPool.PendingWorkItemCount,
        Monitor.LockContentionCount)
    {
        JitMethods = JitInfo.GetCompiledMethodCount(currentThread: false),
        JitTime = JitInfo.GetCompilationTime(currentThread: false),
    };
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Globalization;

namespace StressTest.Benchmarks.Engine;

/// <summary>
/// CPU used over one run, by this process and by everything else on the machine, in cores. On a shared 2-core
/// machine a concurrent build takes a core from the Concurrency 2 run; the "other" figure shows which runs were
/// disturbed. Machine-wide CPU comes from Linux's <c>/proc/stat</c>; elsewhere it is unknown (NaN).
/// </summary>
internal sealed class CpuMeter
{
    // /proc/stat counts in USER_HZ, which is 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly TimeSpan _processBefore = ProcessorTime();
    private readonly long? _machineBefore = MachineBusyTicks();

    /// <summary>CPU-seconds this process has used since construction (user and system time, all threads).</summary>
    public double ProcessSeconds => (ProcessorTime() - _processBefore).TotalSeconds;

    /// <summary>Average cores used by this process and by the rest of the machine (hypervisor steal included)
    /// since construction.</summary>
    public (double Process, double Other) Stop()
    {
        var wall = TimeProvider.System.GetElapsedTime(_started).TotalSeconds;
        var process = (ProcessorTime() - _processBefore).TotalSeconds;
        var machineAfter = MachineBusyTicks();
        var machine = _machineBefore is { } before && machineAfter is { } after ? (after - before) / TicksPerSecond : double.NaN;
        return (process / wall, Math.Max(0, machine - process) / wall);
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long? MachineBusyTicks()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": all but idle and iowait.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
            return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

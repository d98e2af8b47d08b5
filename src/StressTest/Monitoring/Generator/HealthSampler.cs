// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// Turns readings of the generator's process taken at each interval's end into that interval's
/// <see cref="GeneratorHealth"/>: differences of cumulative counters over the interval's length, levels as read.
/// </summary>
/// <remarks>
/// The agent samples on its interval tick, never on the hot path. Only on the real clock: under a fake clock an
/// interval's length has nothing to do with the CPU the process used in it.
/// </remarks>
internal sealed class HealthSampler
{
    private const double Megabyte = 1024 * 1024;

    private readonly TimeProvider _time;
    private readonly Func<ProcessReading> _read;
    private readonly MachineLoad? _machine;
    private ProcessReading _last;
    private long _lastAt;

    /// <param name="time">The clock.</param>
    /// <param name="read">Reads the process's counters.</param>
    /// <param name="machine">The machine's load beside it; null where it cannot be read.</param>
    public HealthSampler(TimeProvider time, Func<ProcessReading> read, MachineLoad? machine = null)
    {
        _time = time;
        _read = read;
        _machine = machine;
        Restart();
    }

    /// <summary>The sampler of this process on the real clock; null on any other clock.</summary>
    public static HealthSampler? ForThisProcess(TimeProvider time) =>
        time == TimeProvider.System ? new HealthSampler(time, ProcessReading.Current, MachineLoad.ForThisMachine()) : null;

    /// <summary>Starts the next interval now (the measured window begins).</summary>
    public void Restart()
    {
        _last = _read();
        _lastAt = _time.GetTimestamp();
    }

    /// <summary>The interval since the last sample, and starts the next one.</summary>
    public GeneratorHealth Sample()
    {
        var now = _read();
        var at = _time.GetTimestamp();
        var seconds = _time.GetElapsedTime(_lastAt, at).TotalSeconds;
        var last = _last;
        _last = now;
        _lastAt = at;
        var health = From(last, now, seconds);
        if (_machine is null)
        {
            return health;
        }

        var (machine, others) = _machine.Sample(seconds, health.CpuCores, _time.GetElapsedTime(0, at).TotalSeconds);
        return health with { MachineCpuCores = machine, BusiestOthers = others };
    }

    /// <summary>The figures of an interval of <paramref name="seconds"/> between two readings.</summary>
    public static GeneratorHealth From(ProcessReading before, ProcessReading after, double seconds)
    {
        var perSecond = seconds > 0 ? 1 / seconds : 0;
        return new GeneratorHealth(
            Math.Round((after.Cpu - before.Cpu).TotalSeconds * perSecond, 3),
            Math.Round(after.WorkingSet / Megabyte, 1),
            after.GcCollections - before.GcCollections,
            Math.Round((after.GcPause - before.GcPause).TotalMilliseconds, 3),
            Math.Round((after.Allocated - before.Allocated) / Megabyte * perSecond, 2),
            after.ThreadPoolThreads,
            after.ThreadPoolQueue,
            after.LockContentions - before.LockContentions)
        {
            JitMethods = after.JitMethods - before.JitMethods,
            JitMs = Math.Round((after.JitTime - before.JitTime).TotalMilliseconds, 1),
        };
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// The whole machine's CPU, read from Linux's <c>/proc/stat</c> at each interval's end, and, when other work used a
/// noticeable share of it, the busiest other processes by name (<c>/proc/&lt;pid&gt;/stat</c>): what lets the verdict
/// tell "the generator was short of CPU" from "the machine was busy with something else" and name it.
/// </summary>
/// <remarks>
/// One small file read a second, into a reused buffer; the process scan (one read per process) only in contended
/// seconds. Only process names and, for a .NET host, the name of the assembly it runs are kept: a command line can
/// carry secrets (a connection string as an argument), so it is never shown.
/// </remarks>
internal sealed class MachineLoad
{
    /// <summary>Other work counts as contention from this share of the machine's cores.</summary>
    public const double OthersShare = 0.25;

    /// <summary>The processes named per contended interval.</summary>
    public const int Named = 2;

    // USER_HZ: the unit of /proc's CPU times; 100 on every mainstream Linux build (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly byte[] _buffer = new byte[4096];
    private readonly int _ownPid = Environment.ProcessId;
    private readonly int _cores;
    private Dictionary<int, long> _lastProcessTicks = [];
    private long _lastBusy;
    private double _lastScanAt = double.NaN;

    private MachineLoad(int cores, long busy)
    {
        _cores = cores;
        _lastBusy = busy;
    }

    /// <summary>This machine's load, or null where <c>/proc/stat</c> cannot be read (any OS but Linux).</summary>
    public static MachineLoad? ForThisMachine()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var probe = new byte[4096];
        return ReadBusyTicks(probe) is { } busy ? new MachineLoad(Environment.ProcessorCount, busy) : null;
    }

    /// <summary>The machine's busy cores over the interval of <paramref name="seconds"/> since the last call, and the
    /// busiest other processes when everything but this process used at least <see cref="OthersShare"/> of the cores.</summary>
    /// <param name="seconds">The interval's length.</param>
    /// <param name="ownCores">This process's CPU in the interval, in cores.</param>
    /// <param name="timestamp">Now, for the processes' rates between scans (any monotonic clock, in seconds).</param>
    public (double? MachineCores, IReadOnlyList<string> BusiestOthers) Sample(double seconds, double ownCores, double timestamp)
    {
        if (seconds <= 0 || ReadBusyTicks(_buffer) is not { } busy)
        {
            return (null, []);
        }

        var machine = Math.Round(Math.Clamp((busy - _lastBusy) / TicksPerSecond / seconds, 0, _cores), 3);
        _lastBusy = busy;
        if (machine - ownCores < OthersShare * _cores)
        {
            return (machine, []);
        }

        return (machine, BusiestOthers(timestamp, Named));
    }

    /// <summary>The machine's busy time so far: every field of the first line but idle and iowait (guest time is
    /// already inside user time; steal is time a busy hypervisor took from this machine, so it counts).</summary>
    private static long? ReadBusyTicks(byte[] buffer)
    {
        var read = ReadFile("/proc/stat", buffer);
        if (read <= 4 || !buffer.AsSpan(0, 4).SequenceEqual("cpu "u8))
        {
            return null;
        }

        var line = buffer.AsSpan(4, read - 4);
        var end = line.IndexOf((byte)'\n');
        line = end >= 0 ? line[..end] : line;
        long busy = 0;
        var field = 0;
        foreach (var range in line.Split((byte)' '))
        {
            if (range.Start.Value == range.End.Value)
            {
                continue;
            }

            if (!long.TryParse(line[range], NumberStyles.None, Invariant, out var ticks))
            {
                return null;
            }

            // user nice system idle iowait irq softirq steal (guest guest_nice are inside user and nice)
            if (field is 0 or 1 or 2 or 5 or 6 or 7)
            {
                busy += ticks;
            }

            if (++field == 8)
            {
                break;
            }
        }

        return field >= 4 ? busy : null;
    }

    /// <summary>The <paramref name="count"/> processes besides this one that used the most CPU since the last scan
    /// (a process seen for the first time: over its life), as <c>name (pid 123) 0.85 cores</c>.</summary>
    public List<string> BusiestOthers(double timestamp, int count)
    {
        var elapsed = double.IsNaN(_lastScanAt) ? 0 : timestamp - _lastScanAt;
        var ticksNow = new Dictionary<int, long>(_lastProcessTicks.Count);
        var rates = new List<(int Pid, string Name, double Cores)>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory.AsSpan()), NumberStyles.None, Invariant, out var pid) || pid == _ownPid)
                {
                    continue;
                }

                if (ReadProcess(pid) is not { } process)
                {
                    continue;
                }

                ticksNow[pid] = process.Ticks;

                // Since the last scan when there was one (a rate over those seconds); a process seen for the first
                // time is judged by its whole life, which for a build started a second ago is the same thing.
                var cores = elapsed > 0 && _lastProcessTicks.TryGetValue(pid, out var before)
                    ? (process.Ticks - before) / TicksPerSecond / elapsed
                    : process.Ticks / TicksPerSecond / Math.Max(1, process.AgeSeconds);
                if (cores >= 0.05)
                {
                    rates.Add((pid, process.Name, cores));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A machine that hides its processes still has its total; the verdict then names none.
        }

        _lastProcessTicks = ticksNow;
        _lastScanAt = timestamp;
        return [.. rates.OrderByDescending(r => r.Cores).Take(count)
            .Select(r => string.Create(Invariant, $"{Describe(r.Pid, r.Name)} (pid {r.Pid}) {Math.Min(r.Cores, _cores):0.##} cores"))];
    }

    /// <summary>A process's CPU ticks (user + system), its age and its name, or null when it is gone.</summary>
    private (long Ticks, double AgeSeconds, string Name)? ReadProcess(int pid)
    {
        var read = ReadFile(string.Create(Invariant, $"/proc/{pid}/stat"), _buffer);
        var text = _buffer.AsSpan(0, Math.Max(0, read));

        // "pid (name) state ppid …": the name may hold spaces and parentheses, so it ends at the last ")".
        var open = text.IndexOf((byte)'(');
        var close = text.LastIndexOf((byte)')');
        if (open < 0 || close < open || close + 2 >= text.Length)
        {
            return null;
        }

        var name = Encoding.UTF8.GetString(text[(open + 1)..close]);
        var fields = text[(close + 2)..];
        long utime = 0, stime = 0, start = 0;
        var index = 0;
        foreach (var range in fields.Split((byte)' '))
        {
            // After ")": state is field 3 of the man page, so utime (14) is index 11, stime (15) 12, starttime (22) 19.
            switch (index++)
            {
                case 11: _ = long.TryParse(fields[range], NumberStyles.None, Invariant, out utime); break;
                case 12: _ = long.TryParse(fields[range], NumberStyles.None, Invariant, out stime); break;
                case 19: _ = long.TryParse(fields[range], NumberStyles.None, Invariant, out start); break;
                default: break;
            }

            if (index > 19)
            {
                break;
            }
        }

        var age = Uptime() is { } uptime ? uptime - (start / TicksPerSecond) : 0;
        return (utime + stime, age, name);
    }

    /// <summary>For a .NET host (<c>dotnet</c>) the assembly it runs, which says far more than "dotnet"; only the file
    /// name, never the rest of the command line.</summary>
    private static string Describe(int pid, string name)
    {
        if (name != "dotnet")
        {
            return name;
        }

        try
        {
            var arguments = File.ReadAllText(string.Create(Invariant, $"/proc/{pid}/cmdline")).Split('\0');
            var assembly = arguments.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
            return assembly is null ? name : $"dotnet {Path.GetFileName(assembly)}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return name;
        }
    }

    private double? Uptime()
    {
        var read = ReadFile("/proc/uptime", _buffer);
        var text = _buffer.AsSpan(0, Math.Max(0, read));
        var space = text.IndexOf((byte)' ');
        return space > 0 && double.TryParse(text[..space], NumberStyles.Float, Invariant, out var seconds) ? seconds : null;
    }

    /// <summary>Reads a small /proc file into <paramref name="buffer"/>; -1 when it cannot be read.</summary>
    private static int ReadFile(string path, byte[] buffer)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return RandomAccess.Read(handle, buffer, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}

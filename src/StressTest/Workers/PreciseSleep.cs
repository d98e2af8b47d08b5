// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Runtime.InteropServices;

namespace StressTest.Workers;

/// <summary>
/// A sleep shorter than a millisecond, where the OS offers one: on Linux <c>clock_nanosleep</c> on the monotonic clock
/// wakes within the thread's timer slack (50 µs by default). .NET's own waits count whole milliseconds, so without it
/// a pacer has to spin through the last millisecond before every start, a whole core at a thousand arrivals a second.
/// </summary>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;

    /// <summary>What the OS adds to a requested sleep at worst (Linux's default timer slack) plus the call itself.</summary>
    public static readonly TimeSpan Overshoot = TimeSpan.FromMicroseconds(80);

    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Sleeps about <paramref name="duration"/> (at most a second); returns false if the call failed.</summary>
    public static bool Sleep(TimeSpan duration)
    {
        var request = new TimeSpec { Seconds = 0, Nanoseconds = Math.Clamp(duration.Ticks, 0, TimeSpan.TicksPerSecond - 1) * 100 };
        return ClockNanosleep(ClockMonotonic, 0, ref request, IntPtr.Zero) is 0 or 4; // 4: EINTR, woken early: fine
    }

    private static bool Probe()
    {
        try
        {
            return Sleep(TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, ref TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

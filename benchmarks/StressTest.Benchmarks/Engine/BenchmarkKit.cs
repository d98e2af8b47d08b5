// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace StressTest.Benchmarks.Engine;

/// <summary>What the benchmark commands share: waiting for an idle machine, medians, invariant text.</summary>
internal static class BenchmarkKit
{
    /// <summary>Other processes' CPU, in cores, below which the machine counts as idle for <c>--wait-idle</c>.</summary>
    public const double IdleOtherCores = 0.2;

    /// <summary>With <c>--wait-idle</c>, a run that other processes disturbed is run again, at most this often in all.</summary>
    public const int MaxAttempts = 4;

    /// <summary>The runtime and machine, one line.</summary>
    public static string MachineLine =>
        Invariant($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? " (concurrent)" : string.Empty)}");

    /// <summary>Whether a run counts as disturbed by other processes (only when waiting for idle was asked for).</summary>
    public static bool IsDisturbed(double waitIdleSeconds, double otherCores) => waitIdleSeconds > 0 && otherCores >= IdleOtherCores;

    /// <summary>Samples the rest of the machine's CPU a second at a time until it is idle or the wait is over.</summary>
    public static async Task WaitForIdleAsync(double maxSeconds)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(maxSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            var probe = new CpuMeter();
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);
            var (_, other) = probe.Stop();
            if (!(other >= IdleOtherCores))
            {
                return; // idle, or unknown (no /proc/stat): waiting would not help
            }

            await Console.Error.WriteLineAsync(Invariant($"  waiting for an idle machine: other processes use {other:0.00} cores"));
        }
    }

    /// <summary>Collects the heap twice so that a run starts clean and the previous run's garbage is not counted.</summary>
    public static void CollectEverything()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

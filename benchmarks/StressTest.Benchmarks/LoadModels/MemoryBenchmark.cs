// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Globalization;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.LoadModels;

/// <summary>
/// Does a long run need more memory than a short one? Peak working set of an open-model run at 10,000/s for
/// 2 minutes against one of 20 s; goal: equal within 10 %. Each run is a fresh child process (this program again,
/// with the hidden <c>memory-run</c> command), so the two runs share no heap and each peak is its own.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<int> RunAsync(MemoryOptions options)
    {
        Console.WriteLine(Invariant(
            $"""
            # StressTest open model: memory of a long run against a short one

            {MachineLine}
            Each run in a fresh process: open model at {options.Rate:N0}/s, WarmUp 1 s, MaxConcurrency {OpenModelBenchmark.MaxConcurrency:N0}, Duration {options.ShortSeconds} s and {options.LongSeconds} s; {options.Repeat} repetition(s).{(options.WaitIdleSeconds > 0 ? Invariant($" Before each run waited up to {options.WaitIdleSeconds} s for other processes to use < {IdleOtherCores} cores.") : string.Empty)}
            """));

        var runs = new List<MemorySample>();
        for (var repetition = 1; repetition <= options.Repeat; repetition++)
        {
            foreach (var method in options.Methods)
            {
                foreach (var seconds in new[] { options.ShortSeconds, options.LongSeconds })
                {
                    await WaitForIdleAsync(options.WaitIdleSeconds);
                    var sample = await RunChildAsync(method, options.Rate, seconds);
                    if (sample is null)
                    {
                        return 1;
                    }

                    await Console.Error.WriteLineAsync(Invariant(
                        $"  run {repetition}/{options.Repeat} {method,-9} {seconds,4} s: peak working set {sample.PeakMegabytes:0.0} MB (VmHWM {sample["vmhwm_mb"]:0.0} MB), retained after full GC {sample["retained_mb"]:0.0} MB (large-object heap live {sample["loh_live_mb"]:0.0} MB, free {sample["loh_free_mb"]:0.0} MB; without the result {sample["retained_without_result_mb"]:0.0} MB), GCs {sample.Collections}, CPU cores this/other {sample["process_cores"]:0.00}/{sample["other_cores"]:0.00}; RSS every 10 s (MB): {sample.RssSeries}"));
                    runs.Add(sample);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(FormatTable(runs));
        Console.WriteLine();
        foreach (var method in options.Methods)
        {
            var shortPeak = Median(runs.Where(r => r.Method == method && r.Seconds == options.ShortSeconds).Select(r => r.PeakMegabytes));
            var longPeak = Median(runs.Where(r => r.Method == method && r.Seconds == options.LongSeconds).Select(r => r.PeakMegabytes));
            var ratio = longPeak / shortPeak;
            Console.WriteLine(Invariant($"{method}: peak working set {options.LongSeconds} s / {options.ShortSeconds} s = {longPeak:0.0} / {shortPeak:0.0} MB = {ratio:0.000} ({(Math.Abs(ratio - 1) <= 0.10 ? "within" : "NOT within")} 10 %)"));
        }

        return 0;
    }

    /// <summary>The hidden <c>memory-run</c> command: one run in this (fresh) process, results as <c>key=value</c>
    /// lines on stdout for the parent.</summary>
    public static async Task<int> RunOneAsync(string? method, double rate, double seconds, double holdSeconds)
    {
        if (method is null || !OpenModelRun.Declarations.TryGetValue(method, out var declaration))
        {
            await Console.Error.WriteLineAsync($"memory-run: --method must be one of {string.Join(", ", OpenModelRun.Declarations.Keys)}");
            return 2;
        }

        var before = ProcStatus();
        using var sampler = new RssSampler(TimeSpan.FromSeconds(1));
        double retainedMegabytes = double.NaN, lohMegabytes = double.NaN, lohFreeMegabytes = double.NaN;
        var sample = await OpenModelRun.RunAsync(declaration, rate, OpenModelBenchmark.MaxConcurrency, seconds, warmUpSeconds: 1, whileResultAlive: _ =>
        {
            // What stays reachable once the run is over and its result is still held (the adapter holds it to write
            // the reports): everything the run accumulated over its duration. The large-object heap after that full
            // GC: its live size, and its free space (LOH is not compacted by default).
            retainedMegabytes = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024;
            var loh = GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[3];
            lohMegabytes = (loh.SizeAfterBytes - loh.FragmentationAfterBytes) / 1024.0 / 1024;
            lohFreeMegabytes = loh.FragmentationAfterBytes / 1024.0 / 1024;
        });
        sampler.Stop();
        var afterRelease = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024;
        if (sample is null)
        {
            return 1;
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var after = ProcStatus();
        var memory = GC.GetGCMemoryInfo(GCKind.Any);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["peak_working_set_mb"] = Mb(process.PeakWorkingSet64),
            ["vmhwm_mb"] = Kb(after.GetValueOrDefault("VmHWM")),
            ["vmrss_mb"] = Kb(after.GetValueOrDefault("VmRSS")),
            ["vmhwm_before_mb"] = Kb(before.GetValueOrDefault("VmHWM")),
            ["retained_mb"] = Invariant($"{retainedMegabytes:0.00}"),
            ["loh_live_mb"] = Invariant($"{lohMegabytes:0.00}"),
            ["loh_free_mb"] = Invariant($"{lohFreeMegabytes:0.00}"),
            ["retained_without_result_mb"] = Invariant($"{afterRelease:0.00}"),
            ["heap_committed_mb"] = Mb(memory.TotalCommittedBytes),
            ["gc0"] = Invariant($"{GC.CollectionCount(0)}"),
            ["gc1"] = Invariant($"{GC.CollectionCount(1)}"),
            ["gc2"] = Invariant($"{GC.CollectionCount(2)}"),
            ["gc_pause_ms"] = Invariant($"{GC.GetTotalPauseDuration().TotalMilliseconds:0.0}"),
            ["allocated_mb"] = Mb(sample.AllocatedBytes),
            ["achieved"] = Invariant($"{sample.Achieved:0.0}"),
            ["dropped"] = Invariant($"{sample.Dropped}"),
            ["lateness_p99_ms"] = Invariant($"{sample.Lateness.P99:0.000}"),
            ["process_cores"] = Invariant($"{sample.ProcessCores:0.00}"),
            ["other_cores"] = Invariant($"{sample.OtherCores:0.00}"),
            ["rss_series_mb"] = string.Join(" ", sampler.Samples.Where((_, i) => (i + 1) % 10 == 0).Select(kb => Invariant($"{kb / 1024.0:0}"))),
        };
        foreach (var (key, value) in values)
        {
            Console.WriteLine($"{key}={value}");
        }

        if (holdSeconds > 0)
        {
            // Diagnostics: keeps the process alive after the run, e.g. for dotnet-gcdump.
            await Console.Error.WriteLineAsync(Invariant($"memory-run: holding for {holdSeconds} s, process {Environment.ProcessId}"));
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds), TimeProvider.System, CancellationToken.None);
        }

        return 0;
    }

    private static async Task<MemorySample?> RunChildAsync(string method, double rate, double seconds)
    {
        // Under `dotnet run` this program is its apphost; under `dotnet StressTest.Benchmarks.dll` it is dotnet.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "memory-run", "--method", method, "--rate", Invariant($"{rate}"), "--seconds", Invariant($"{seconds}") })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"memory-run {method} {seconds} s failed with exit code {child.ExitCode}: {output}");
            return null;
        }

        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        return new MemorySample(method, rate, seconds, values);
    }

    private static string FormatTable(List<MemorySample> runs)
    {
        var lines = new List<string>
        {
            "| method | rate /s | duration | peak working set | RSS every 10 s | managed heap retained after the run (full GC, result held) | GC heap committed at the end | GCs gen0/1/2 | GC pauses, total | allocated during the run | achieved /s | dropped | start lateness p99 | CPU cores: this process / other load |",
            "|---|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---|",
        };
        foreach (var r in runs)
        {
            lines.Add(Invariant(
                $"| {r.Method} | {r.Rate:N0} | {r.Seconds} s | {r.PeakMegabytes:0.0} MB | {r.RssSeries} | {r["retained_mb"]:0.0} MB | {r["heap_committed_mb"]:0.0} MB | {r.Collections} | {r["gc_pause_ms"]:0} ms | {r["allocated_mb"]:0} MB | {r["achieved"]:N1} | {r["dropped"]:0} | {r["lateness_p99_ms"]:0.000} ms | {r["process_cores"]:0.00} / {r["other_cores"]:0.00} |"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary><c>/proc/self/status</c> sizes in kB (VmHWM, VmRSS, …); empty off Linux.</summary>
    private static Dictionary<string, long> ProcStatus()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists("/proc/self/status"))
        {
            return values;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2 && parts[1].Trim().Split(' ') is [var number, "kB"] && long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                values[parts[0]] = kb;
            }
        }

        return values;
    }

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024:0.00}");

    private static string Kb(long kilobytes) => Invariant($"{kilobytes / 1024.0:0.00}");

    /// <summary>The resident set size once a second, on a thread of its own (the run's threads stay undisturbed).</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new(false);
        private readonly Thread _thread;
        private readonly TimeSpan _every;
        private readonly List<long> _samples = [];

        public RssSampler(TimeSpan every)
        {
            _every = every;
            _thread = new Thread(Loop) { IsBackground = true, Name = "RSS sampler" };
            _thread.Start();
        }

        /// <summary>VmRSS in kB, one per interval.</summary>
        public IReadOnlyList<long> Samples
        {
            get
            {
                lock (_samples)
                {
                    return _samples.ToList();
                }
            }
        }

        public void Stop()
        {
            _stop.Set();
            _thread.Join();
        }

        public void Dispose() => _stop.Dispose();

        private void Loop()
        {
            while (!_stop.Wait(_every))
            {
                var rss = ProcStatus().GetValueOrDefault("VmRSS");
                lock (_samples)
                {
                    _samples.Add(rss);
                }
            }
        }
    }

    /// <summary>One child's figures, as it printed them.</summary>
    private sealed record MemorySample(string Method, double Rate, double Seconds, IReadOnlyDictionary<string, string> Values)
    {
        public double PeakMegabytes => this["peak_working_set_mb"];

        public string Collections => $"{Values["gc0"]}/{Values["gc1"]}/{Values["gc2"]}";

        public string RssSeries => Values.GetValueOrDefault("rss_series_mb", string.Empty);

        public double this[string key] => double.Parse(Values[key], CultureInfo.InvariantCulture);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Benchmarks.Targets;
using StressTest.Workers;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.LoadModels;

/// <summary>
/// Diagnostic (<c>open-probe</c>): one open-model run of a <see cref="ProbeTargets"/> method, then every stretch of
/// late starts placed in time: when in the measured window, how long, how late, whether a GC happened in it and where
/// it falls in the second (the agent harvests, encodes and the controller decodes once a second, at the window's
/// whole seconds). The engine's own lateness histogram says how many starts were late; this says when and next to what.
/// </summary>
/// <remarks>
/// The probe notes each iteration's actual start; iteration k was intended at T0 + k / rate, where T0, the schedule's
/// start, is estimated as the earliest <c>start − k / rate</c> (so lateness here is relative to the least late start,
/// which is within microseconds of its schedule). This needs no dropped arrivals: a dropped arrival takes no iteration
/// number, which would shift every later one.
/// </remarks>
internal static class OpenProbe
{
    public static async Task<int> RunAsync(string method, double rate, double seconds, double warmUp, double thresholdMs, bool prewarm)
    {
        if (!OpenModelRun.Declarations.TryGetValue(method, out var declaration) || declaration.TestClass != typeof(ProbeTargets))
        {
            await Console.Error.WriteLineAsync($"open-probe: --method must be {nameof(ProbeTargets.ProbeNoopAsync)} or {nameof(ProbeTargets.ProbeDelay5Ms)}");
            return 2;
        }

        ProbeTargets.Reset((int)Math.Ceiling(rate * (seconds + warmUp)) + 16);
        if (prewarm)
        {
            // Experiment: run the open model's recording path (a sink over concurrent histograms, and its harvest)
            // before the run, so the first measured invocations do not find it cold. The engine records nothing
            // during warm-up, so without this the first measured invocation is the first to record.
            var sink = new MeasurementSink(concurrentWriters: true);
            var accumulator = new IntervalAccumulator();
            for (var i = 0; i < 100_000; i++)
            {
                sink.Record(i & 1023, i & 511, i & 7);
            }

            sink.HarvestInto(accumulator);
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, CancellationToken.None); // let tiered compilation catch up
            for (var i = 0; i < 100_000; i++)
            {
                sink.Record(i & 1023, i & 511, i & 7);
            }
        }

        using var scheduler = new PacerSchedStat();
        var sample = await OpenModelRun.RunAsync(declaration, rate, OpenModelBenchmark.MaxConcurrency, seconds, warmUp);
        scheduler.Stop();
        if (sample is null)
        {
            return 1;
        }

        Console.WriteLine(Invariant($"# open-probe: {method} at {rate:N0}/s, WarmUp {warmUp} s, Duration {seconds} s{(prewarm ? ", recording path run beforehand" : string.Empty)}"));
        Console.WriteLine(MachineLine);
        Console.WriteLine(Invariant($"Engine: achieved {sample.Achieved:N1}/s, dropped {sample.Dropped}, start lateness p50/p99/p99.9/max {sample.Lateness.P50:0.000}/{sample.Lateness.P99:0.000}/{sample.Lateness.P999:0.000}/{sample.Lateness.Max:0.000} ms, {sample.LateOver1Ms:N0} starts > 1 ms late; GCs {sample.Collections} pausing {sample.GcPauseMilliseconds:0.0} ms; CPU cores this/other {sample.ProcessCores:0.00}/{sample.OtherCores:0.00}"));
        if (sample.Dropped > 0)
        {
            Console.WriteLine("Arrivals were dropped: iteration numbers no longer match the schedule, the analysis below is off.");
        }

        Analyse(rate, warmUp, thresholdMs, scheduler.Samples);
        return 0;
    }

    private static void Analyse(double rate, double warmUp, double thresholdMs, IReadOnlyList<SchedSample> scheduler)
    {
        var (starts, collections) = ProbeTargets.Notes;
        var frequency = (double)TimeProvider.System.TimestampFrequency;
        double Intended(long k) => k * frequency / rate;
        var noted = Enumerable.Range(0, starts.Length).Where(k => starts[k] != 0).ToArray();
        var t0 = noted.Min(k => starts[k] - Intended(k));
        double LatenessMs(int k) => (starts[k] - t0 - Intended(k)) / frequency * 1000;

        var first = (int)Math.Ceiling(warmUp * rate); // the first measured iteration
        var measured = noted.Where(k => k >= first).ToArray();
        var late = measured.Where(k => LatenessMs(k) > thresholdMs).ToArray();
        Console.WriteLine(Invariant($"Probe: {measured.Length:N0} measured starts noted, {late.Length:N0} more than {thresholdMs} ms late ({(double)late.Length / measured.Length:P3})."));

        // Late starts less than 1 ms of schedule apart belong to one stretch.
        var gap = (int)Math.Max(1, rate / 1000);
        var episodes = new List<(int First, int Last, int Count, double Max)>();
        foreach (var k in late)
        {
            if (episodes.Count > 0 && k - episodes[^1].Last <= gap)
            {
                var e = episodes[^1];
                episodes[^1] = (e.First, k, e.Count + 1, Math.Max(e.Max, LatenessMs(k)));
            }
            else
            {
                episodes.Add((k, k, 1, LatenessMs(k)));
            }
        }

        double SecondsIntoWindow(int k) => (k - first) / rate;
        int GcsIn((int First, int Last, int Count, double Max) e) =>
            collections[e.Last] - collections[Math.Max(0, e.First - 1)];
        // What the pacer thread did over the samples around a stretch (Linux schedstat and status): wall time, time on
        // a CPU, time runnable but waiting for a CPU, and voluntary context switches (it blocked: a lock, a runtime
        // suspension; a spinning pacer otherwise never blocks above ~1,000 arrivals/s).
        string PacerAround(long from, long to)
        {
            var before = scheduler.LastOrDefault(x => x.At <= from);
            var after = scheduler.FirstOrDefault(x => x.At >= to) ?? scheduler.LastOrDefault();
            if (before is null || after is null || after.At <= before.At)
            {
                return "– | – | – | –";
            }

            return Invariant($"{(after.At - before.At) / frequency * 1000:0.0} | {(after.CpuNs - before.CpuNs) / 1e6:0.0} | {(after.RunDelayNs - before.RunDelayNs) / 1e6:0.00} | {after.Voluntary - before.Voluntary}");
        }

        long At(int k) => (long)(t0 + Intended(k));
        var windowStart = At(first);
        var windowEnd = At(first) + (long)((measured.Length / rate) * frequency);
        Console.WriteLine(Invariant($"The pacer thread over the window (sampled every 10 ms; wall | on CPU | waiting for a CPU, ms | voluntary switches): {PacerAround(windowStart, windowEnd)}"));
        var withGc = episodes.Count(e => GcsIn(e) > 0);
        var nearHarvest = episodes.Where(e => GcsIn(e) == 0).Count(e => SecondsIntoWindow(e.First) % 1 < 0.1);
        Console.WriteLine(Invariant($"{episodes.Count} stretches of late starts: {withGc} with a gen0+ GC in them ({episodes.Where(e => GcsIn(e) > 0).Sum(e => e.Count):N0} late starts), {episodes.Count - withGc} without ({episodes.Where(e => GcsIn(e) == 0).Sum(e => e.Count):N0} late starts), of which {nearHarvest} begin in the first 100 ms of a second of the window (harvest)."));
        Console.WriteLine();
        Console.WriteLine("| # | begins at (s into the window) | phase in the second | stretch, ms | late starts | max lateness, ms | GCs in it | pacer samples around it: wall, ms | pacer on CPU, ms | pacer waiting for a CPU, ms | pacer voluntary switches |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var n = 0;
        foreach (var e in episodes.OrderByDescending(e => e.Max).Take(40).OrderBy(e => e.First))
        {
            n++;
            var at = SecondsIntoWindow(e.First);
            Console.WriteLine(Invariant($"| {n} | {at:0.0000} | {at % 1 * 1000:0} ms | {(e.Last - e.First + 1) / rate * 1000:0.00} | {e.Count:N0} | {e.Max:0.000} | {GcsIn(e)} | {PacerAround(At(e.First) - (long)(e.Max / 1000 * frequency), At(e.Last))} |"));
        }
    }

    /// <summary>One reading of the pacer thread: when, its CPU time, its run-queue wait, its voluntary context switches.</summary>
    private sealed record SchedSample(long At, long CpuNs, long RunDelayNs, long Voluntary);

    /// <summary>Samples the pacer thread's Linux schedstat and voluntary switches every 10 ms while it exists.</summary>
    private sealed class PacerSchedStat : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new(false);
        private readonly List<SchedSample> _samples = [];
        private readonly Thread _thread;

        public PacerSchedStat()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "schedstat sampler" };
            _thread.Start();
        }

        public IReadOnlyList<SchedSample> Samples => _samples;

        public void Stop()
        {
            _stop.Set();
            _thread.Join();
        }

        public void Dispose() => _stop.Dispose();

        private void Loop()
        {
            string? path = null;
            while (!_stop.Wait(TimeSpan.FromMilliseconds(10)))
            {
                try
                {
                    path ??= Directory.Exists("/proc/self/task")
                        ? Directory.EnumerateDirectories("/proc/self/task")
                            .FirstOrDefault(task => File.ReadAllText(Path.Combine(task, "comm")).StartsWith("StressTest pac", StringComparison.Ordinal))
                        : null;
                    if (path is not null)
                    {
                        var at = TimeProvider.System.GetTimestamp();
                        var fields = File.ReadAllText(Path.Combine(path, "schedstat")).Split(' ');
                        var voluntary = File.ReadLines(Path.Combine(path, "status")).First(line => line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal));
                        _samples.Add(new SchedSample(
                            at,
                            long.Parse(fields[0], CultureInfo.InvariantCulture),
                            long.Parse(fields[1], CultureInfo.InvariantCulture),
                            long.Parse(voluntary.Split(':')[1].Trim(), CultureInfo.InvariantCulture)));
                    }
                }
                catch (IOException)
                {
                    path = null; // the pacer has exited (or not started yet)
                }
            }
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Benchmarks.Engine;
using StressTest.Benchmarks.Targets;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.LoadModels;

/// <summary>
/// Open-model accuracy: does the pacer start invocations when the schedule says, at 1,000, 10,000 and 50,000
/// arrivals per second, on a method that completes at once and on one that waits 5 ms? Goals: achieved rate within
/// 1 % of the target, start lateness p99 under 1 ms.
/// </summary>
/// <remarks>
/// The achieved rate counts invocations by their <em>intended</em> start (the measured window is the schedule's), so
/// a pacer that falls behind still reaches the count, only later: lateness is the real test of keeping up, and the
/// dropped count that of MaxConcurrency. Cases are interleaved within each repetition.
/// </remarks>
internal static class OpenModelBenchmark
{
    /// <summary>Enough for 50,000/s × the 5–8 ms a <c>Task.Delay(5)</c> takes, with room for a stall.</summary>
    public const int MaxConcurrency = 5000;

    private static readonly double[] Rates = [1_000, 10_000, 50_000];
    private static readonly string[] MethodNames = [nameof(OpenTargets.NoopAsync), nameof(OpenTargets.Delay5Ms)];

    public static async Task<int> RunAsync(EngineOptions options)
    {
        var cases = (from name in MethodNames from rate in Rates select (Method: name, Rate: rate)).ToList();
        Console.WriteLine(Invariant(
            $"""
            # StressTest open model: start accuracy

            {MachineLine}
            Each run: WarmUp {options.WarmUpSeconds} s, Duration {options.Seconds} s, MaxConcurrency {MaxConcurrency:N0}, uniform arrivals; {options.Repeat} repetitions, cases interleaved; medians shown.{(options.WaitIdleSeconds > 0 ? Invariant($" Before each run waited up to {options.WaitIdleSeconds} s for other processes to use < {IdleOtherCores} cores; disturbed runs were repeated (up to {MaxAttempts - 1} times).") : string.Empty)}
            """));

        var samples = cases.ToDictionary(c => c, _ => new List<OpenSample>());
        for (var repetition = 1; repetition <= options.Repeat; repetition++)
        {
            foreach (var openCase in cases)
            {
                OpenSample? sample;
                var attempt = 0;
                do
                {
                    await WaitForIdleAsync(options.WaitIdleSeconds);
                    sample = await OpenModelRun.RunAsync(OpenModelRun.Declarations[openCase.Method], openCase.Rate, MaxConcurrency, options.Seconds, options.WarmUpSeconds);
                    if (sample is null)
                    {
                        return 1;
                    }

                    var disturbed = IsDisturbed(options.WaitIdleSeconds, sample.OtherCores);
                    await Console.Error.WriteLineAsync(Invariant(
                        $"  run {repetition}/{options.Repeat} {sample.Method,-9} {sample.Target,7:N0}/s: achieved {sample.Achieved,9:N1}/s ({sample.AchievedRatio:P2}), dropped {sample.Dropped}, lateness p50/p99/p99.9/max {sample.Lateness.P50:0.000}/{sample.Lateness.P99:0.000}/{sample.Lateness.P999:0.000}/{sample.Lateness.Max:0.000} ms, >1 ms {sample.LateShare:P3}, latency p50/p99 {sample.Latency.P50:0.000}/{sample.Latency.P99:0.000} ms, in flight ≤ {sample.MaxInFlight}, GCs {sample.Collections} pausing {sample.GcPauseMilliseconds:0.0} ms, CPU cores this/other {sample.ProcessCores:0.00}/{sample.OtherCores:0.00}; per second (k/s): {string.Join(" ", sample.PerSecond.Select(r => Invariant($"{r / 1e3:0.0}")))}{(disturbed ? " (disturbed)" : string.Empty)}"));
                    if (!disturbed)
                    {
                        break;
                    }
                }
                while (++attempt < MaxAttempts);

                samples[openCase].Add(sample);
            }
        }

        Console.WriteLine();
        Console.WriteLine(FormatSummary(cases, samples));
        Console.WriteLine();
        Console.WriteLine("All runs:");
        Console.WriteLine();
        Console.WriteLine(FormatRuns(cases, samples));
        return 0;
    }

    private static string FormatSummary(List<(string Method, double Rate)> cases, Dictionary<(string Method, double Rate), List<OpenSample>> samples)
    {
        var lines = new List<string>
        {
            "| method | target /s | achieved /s (median) | achieved / target | dropped | start lateness p50 / p99 / max, ms | starts > 1 ms late | latency p50 / p99, ms | in flight (max) | CPU cores: this process / other load |",
            "|---|---:|---:|---:|---:|---|---:|---|---:|---|",
        };
        foreach (var openCase in cases)
        {
            var runs = samples[openCase];
            double M(Func<OpenSample, double> f) => Median(runs.Select(f));
            lines.Add(Invariant(
                $"| {openCase.Method} | {openCase.Rate:N0} | {M(r => r.Achieved):N1} | {M(r => r.AchievedRatio):P2} | {string.Join(", ", runs.Select(r => r.Dropped))} | {M(r => r.Lateness.P50):0.000} / {M(r => r.Lateness.P99):0.000} / {M(r => r.Lateness.Max):0.00} | {M(r => r.LateShare):P3} | {M(r => r.Latency.P50):0.000} / {M(r => r.Latency.P99):0.000} | {M(r => r.MaxInFlight):N0} | {M(r => r.ProcessCores):0.00} / {M(r => r.OtherCores):0.00} |"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string FormatRuns(List<(string Method, double Rate)> cases, Dictionary<(string Method, double Rate), List<OpenSample>> samples)
    {
        var lines = new List<string>
        {
            "| method | target /s | run | achieved /s | dropped | lateness p50 / p99 / p99.9 / max, ms | > 1 ms late | latency p50 / p99 / max, ms | service p50 / p99, ms | per-second rate min – max | GCs (gen0/1/2), pauses | allocated | CPU this / other |",
            "|---|---:|---:|---:|---:|---|---:|---|---|---|---|---:|---|",
        };
        foreach (var openCase in cases)
        {
            var run = 0;
            foreach (var r in samples[openCase])
            {
                run++;
                var service = r.Service is { } s ? Invariant($"{s.P50:0.000} / {s.P99:0.000}") : "–";
                lines.Add(Invariant(
                    $"| {r.Method} | {r.Target:N0} | {run} | {r.Achieved:N1} | {r.Dropped:N0} | {r.Lateness.P50:0.000} / {r.Lateness.P99:0.000} / {r.Lateness.P999:0.000} / {r.Lateness.Max:0.00} | {r.LateOver1Ms:N0} ({r.LateShare:P3}) | {r.Latency.P50:0.000} / {r.Latency.P99:0.000} / {r.Latency.Max:0.0} | {service} | {r.PerSecond.Min():N0} – {r.PerSecond.Max():N0} | {r.Collections}, {r.GcPauseMilliseconds:0.0} ms | {r.AllocatedBytes / 1024.0 / 1024:0.0} MB | {r.ProcessCores:0.00} / {r.OtherCores:0.00} |"));
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}

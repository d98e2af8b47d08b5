// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using StressTest.Benchmarks.Targets;
using StressTest.Controller;
using StressTest.Discovery;
using StressTest.Plan;
using StressTest.Settings;
using StressTest.Transport.InProcess;

namespace StressTest.Benchmarks.Engine;

/// <summary>
/// Whole runs of the real engine (scanner, plan builder, controller, in-process agent, workers, per-second
/// telemetry, aggregation) on no-op methods, closed model, Concurrency 1 and 2. A no-op leaves only the engine:
/// invocations/s is its ceiling and workers / rate is its cost per invocation.
/// </summary>
/// <remarks>
/// Allocation is <see cref="GC.GetTotalAllocatedBytes(bool)"/> over the whole <c>RunAsync</c>, all threads, divided
/// by the measured invocations. It therefore includes per-run costs (worker threads, recorders, compiling the
/// method again in the agent) and the once-a-second harvest (histogram encoding, telemetry messages), not only
/// the hot path; the micro benchmark isolates the hot path. Cases are interleaved within each repetition so that
/// drift of a shared machine spreads over all of them rather than biasing one.
/// </remarks>
internal static class EngineBenchmark
{
    /// <summary>With <c>--wait-idle</c>, a run that other processes disturbed is run again, at most this often in all.</summary>
    private const int MaxAttempts = 4;

    private static readonly string[] MethodNames = [nameof(NoopTargets.Noop), nameof(NoopTargets.NoopTask), nameof(NoopTargets.NoopValueTask)];
    private static readonly int[] Concurrencies = [1, 2];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = EngineOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        var declarations = StressTestScanner.Scan(typeof(NoopTargets).Assembly)
            .Where(d => d.TestClass == typeof(NoopTargets))
            .ToDictionary(d => d.Method.Name, StringComparer.Ordinal);
        var cases = (from name in MethodNames from concurrency in Concurrencies select new EngineCase(declarations[name], concurrency)).ToList();

        Console.WriteLine(Describe(options));
        var samples = cases.ToDictionary(c => c, _ => new List<EngineSample>());
        for (var repetition = 1; repetition <= options.Repeat; repetition++)
        {
            foreach (var engineCase in cases)
            {
                EngineSample? sample;
                var attempt = 0;
                do
                {
                    sample = await MeasureAsync(engineCase, options);
                    if (sample is null)
                    {
                        return 1;
                    }

                    var disturbed = options.WaitIdleSeconds > 0 && sample.OtherCores >= EngineOptions.IdleOtherCores;
                    await Console.Error.WriteLineAsync(Invariant($"  run {repetition}/{options.Repeat} {engineCase.Name,-14} C={engineCase.Concurrency}: {sample.Rps,14:N0} invocations/s, {sample.BytesPerInvocation,8:0.000} B/invocation; GCs {sample.Collections}; CPU cores this/other {sample.ProcessCores:0.00}/{sample.OtherCores:0.00}; per second (M/s): {sample.PerSecond}{(disturbed ? " (disturbed)" : string.Empty)}"));
                    if (!disturbed)
                    {
                        break;
                    }
                }
                while (++attempt < MaxAttempts);

                samples[engineCase].Add(sample);
            }
        }

        Console.WriteLine();
        Console.WriteLine(FormatTable(cases, samples));
        return 0;
    }

    private static async Task<EngineSample?> MeasureAsync(EngineCase engineCase, EngineOptions options)
    {
        var declaration = engineCase.Declaration with
        {
            Arguments = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(StressTestAttribute.Duration)] = Invariant($"{options.Seconds}s"),
                [nameof(StressTestAttribute.WarmUp)] = Invariant($"{options.WarmUpSeconds}s"),
                [nameof(StressTestAttribute.Concurrency)] = engineCase.Concurrency,
            },
        };
        var plan = PlanBuilder.Build(declaration, StressSettings.Default);
        if (!plan.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"{engineCase.Name}: {plan.Error}");
            return null;
        }

        var controller = new StressController(TimeProvider.System, new InProcessAgent(TimeProvider.System));
        await WaitForIdleAsync(options.WaitIdleSeconds);

        // Start every run from a clean heap so one run's garbage is not collected (and counted) in the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var cpu = new CpuMeter();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await controller.RunAsync(plan.Value, "bench", CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var (processCores, otherCores) = cpu.Stop();
        var gcs = Invariant($"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
        if (result.Outcome != RunOutcome.Passed || result.Measurements is not { Count: > 0 } measurements)
        {
            await Console.Error.WriteLineAsync($"{engineCase.Name} C={engineCase.Concurrency}: the run did not pass ({result.Outcome}): {string.Join("; ", result.Problems)}");
            return null;
        }

        var perSecond = string.Join(" ", measurements.Series.Select(s => Invariant($"{s.Rps / 1e6:0.0}")));
        return new EngineSample(measurements.Count, measurements.Rps, allocated, processCores, otherCores, gcs, perSecond);
    }

    /// <summary>Samples the rest of the machine's CPU a second at a time until it is idle or the wait is over.</summary>
    private static async Task WaitForIdleAsync(double maxSeconds)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(maxSeconds * TimeProvider.System.TimestampFrequency);
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            var probe = new CpuMeter();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var (_, other) = probe.Stop();
            if (!(other >= EngineOptions.IdleOtherCores))
            {
                return; // idle, or unknown (no /proc/stat): waiting would not help
            }

            await Console.Error.WriteLineAsync(Invariant($"  waiting for an idle machine: other processes use {other:0.00} cores"));
        }
    }

    private static string FormatTable(List<EngineCase> cases, Dictionary<EngineCase, List<EngineSample>> samples)
    {
        var lines = new List<string>
        {
            "| method | concurrency | invocations/s (median) | min – max | ns/invocation per worker | bytes/invocation incl. per-second telemetry | allocated per run | GCs per run (gen0/1/2) | CPU cores: this process / other load |",
            "|---|---:|---:|---:|---:|---:|---:|---|---|",
        };
        foreach (var engineCase in cases)
        {
            var runs = samples[engineCase];
            var rps = Median(runs.Select(r => r.Rps));
            var nsPerWorker = engineCase.Concurrency / rps * 1e9;
            var bytes = Median(runs.Select(r => r.BytesPerInvocation));
            var megabytes = Median(runs.Select(r => (double)r.AllocatedBytes)) / 1024 / 1024;
            var collections = string.Join(", ", runs.Select(r => r.Collections));
            var cores = Invariant($"{Median(runs.Select(r => r.ProcessCores)):0.00} / {Median(runs.Select(r => r.OtherCores)):0.00}");
            lines.Add(Invariant(
                $"| {engineCase.Name} | {engineCase.Concurrency} | {rps:N0} | {runs.Min(r => r.Rps):N0} – {runs.Max(r => r.Rps):N0} | {nsPerWorker:0.0} | {bytes:0.000} | {megabytes:0.00} MB | {collections} | {cores} |"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(EngineOptions options) => Invariant(
        $"""
        # StressTest engine overhead: no-op methods, closed model

        {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? " (concurrent)" : string.Empty)}
        Each run: WarmUp {options.WarmUpSeconds} s, Duration {options.Seconds} s; {options.Repeat} repetitions, cases interleaved; medians shown.{(options.WaitIdleSeconds > 0 ? $" Before each run waited up to {options.WaitIdleSeconds} s for other processes to use < {EngineOptions.IdleOtherCores} cores; disturbed runs were repeated (up to {MaxAttempts - 1} times)." : string.Empty)}
        """);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record EngineCase(StressTestDeclaration Declaration, int Concurrency)
    {
        public string Name => Declaration.Method.Name;
    }

    private sealed record EngineSample(long Count, double Rps, long AllocatedBytes, double ProcessCores, double OtherCores, string Collections, string PerSecond)
    {
        public double BytesPerInvocation => (double)AllocatedBytes / Count;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Benchmarks.Targets;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan;
using StressTest.Plan.Discovery;
using StressTest.Plan.Settings;
using StressTest.Workers;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

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
    private static readonly string[] MethodNames = [nameof(NoopTargets.Noop), nameof(NoopTargets.NoopTask), nameof(NoopTargets.NoopValueTask)];
    private static readonly int[] Concurrencies = [1, 2];

    public static async Task<int> RunAsync(EngineOptions options)
    {
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

                    var disturbed = BenchmarkKit.IsDisturbed(options.WaitIdleSeconds, sample.OtherCores);
                    await Console.Error.WriteLineAsync(Invariant($"  run {repetition}/{options.Repeat} {engineCase.Name,-14} C={engineCase.Concurrency}: {sample.Rps,14:N0} invocations/s, {sample.BytesPerInvocation,8:0.000} B/invocation; GCs {sample.Collections}; CPU cores this/other {sample.ProcessCores:0.00}/{sample.OtherCores:0.00}; per second (M/s): {sample.PerSecond}{(disturbed ? " (disturbed)" : string.Empty)}"));
                    if (!disturbed)
                    {
                        break;
                    }
                }
                while (++attempt < BenchmarkKit.MaxAttempts);

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

        var controller = new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System));
        await BenchmarkKit.WaitForIdleAsync(options.WaitIdleSeconds);

        // Start every run from a clean heap so one run's garbage is not collected (and counted) in the next.
        BenchmarkKit.CollectEverything();
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

        {BenchmarkKit.MachineLine}
        Each run: WarmUp {options.WarmUpSeconds} s, Duration {options.Seconds} s; {options.Repeat} repetitions, cases interleaved; medians shown.{(options.WaitIdleSeconds > 0 ? $" Before each run waited up to {options.WaitIdleSeconds} s for other processes to use < {BenchmarkKit.IdleOtherCores} cores; disturbed runs were repeated (up to {BenchmarkKit.MaxAttempts - 1} times)." : string.Empty)}
        """);

    private sealed record EngineCase(StressTestDeclaration Declaration, int Concurrency)
    {
        public string Name => Declaration.Method.Name;
    }

    private sealed record EngineSample(long Count, double Rps, long AllocatedBytes, double ProcessCores, double OtherCores, string Collections, string PerSecond)
    {
        public double BytesPerInvocation => (double)AllocatedBytes / Count;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Benchmarks.Engine;
using StressTest.Benchmarks.LoadModels;
using StressTest.Benchmarks.Targets;
using StressTest.Mocks;
using StressTest.Mocks.Simulation;
using StressTest.Plan.Discovery;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.Mocks;

/// <summary>
/// The mock server measured by our own engine at 1,000 requests/s: does a caller see the configured latency (goal:
/// within 5 % at p50 and p99)? Three routes, one per run: no latency (the floor: the server's, the loopback's and the
/// client's own overhead), a constant 40 ms (the delay scheduler's accuracy) and log-normal 40 ms / 300 ms (the
/// sample's gateway). Besides the configured figures, the table shows the quantiles of the very draws the mock made
/// in the run (the same seed replayed for as many requests as it served), so sampling noise and overhead are told apart.
/// </summary>
internal static class MockServerBenchmark
{
    public const double Rate = 1000;

    private static readonly (string Name, Latency Latency, double P50, double P99)[] Cases =
    [
        ("none (constant 0)", Latency.Constant(TimeSpan.Zero), 0, 0),
        ("constant 40 ms", Latency.Constant(TimeSpan.FromMilliseconds(40)), 40, 40),
        ("lognormal 40 ms / 300 ms", Latency.LogNormal(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(300)), 40, 300),
    ];

    public static async Task<int> RunAsync(EngineOptions options)
    {
        var declaration = StressTestScanner.Scan(typeof(MockTargets).Assembly).Single(d => d.TestClass == typeof(MockTargets));
        Console.WriteLine(Invariant(
            $"""
            # StressTest.Mocks: the mock server at {Rate:N0} requests/s

            {MachineLine}
            Each run: open model {Rate:N0}/s, WarmUp {options.WarmUpSeconds} s, Duration {options.Seconds} s, engine and mock server in one process (Release); {options.Repeat} repetition(s), medians shown.

            | latency model | configured p50 / p99, ms | drawn by the mock p50 / p99, ms | measured p50 / p99, ms (from intended start) | measured / configured p50, p99 | measured − drawn p50 / p99, ms | dropped | CPU cores: this process / other |
            |---|---|---|---|---|---|---:|---|
            """));
        foreach (var (name, latency, p50, p99) in Cases)
        {
            var rows = new List<(double[] Drawn, OpenSample Sample)>();
            for (var repetition = 0; repetition < options.Repeat; repetition++)
            {
                await WaitForIdleAsync(options.WaitIdleSeconds);
                var route = new MockRoute("GET", "/latency") { Latency = latency };
                var profile = new MockProfile("bench") { Seed = 1, Routes = { route } };
                await using var server = await MockServer.StartAsync(profile);
                MockTargets.Address = server.BaseAddress;
                var sample = await OpenModelRun.RunAsync(declaration, Rate, maxConcurrency: 5000, options.Seconds, options.WarmUpSeconds);
                if (sample is null)
                {
                    return 1;
                }

                var served = server.Dependency.Served["GET /latency 200"];
                rows.Add((Drawn(route, profile.Seed, served, sample.Count), sample));
                await Console.Error.WriteLineAsync(Invariant($"  {name}: measured p50/p99 {sample.Latency.P50:0.000}/{sample.Latency.P99:0.000} ms, drawn {rows[^1].Drawn[0]:0.000}/{rows[^1].Drawn[1]:0.000} ms, served {served:N0}, dropped {sample.Dropped}, CPU {sample.ProcessCores:0.00}/{sample.OtherCores:0.00}"));
            }

            double M(Func<(double[] Drawn, OpenSample Sample), double> f) => Median(rows.Select(f));
            var (m50, m99, d50, d99) = (M(r => r.Sample.Latency.P50), M(r => r.Sample.Latency.P99), M(r => r.Drawn[0]), M(r => r.Drawn[1]));
            var ratio = p50 == 0 ? "–" : Invariant($"{m50 / p50:P1}, {m99 / p99:P1}");
            Console.WriteLine(Invariant(
                $"| {name} | {p50:0.###} / {p99:0.###} | {d50:0.000} / {d99:0.000} | {m50:0.000} / {m99:0.000} | {ratio} | {m50 - d50:0.000} / {m99 - d99:0.000} | {M(r => r.Sample.Dropped):N0} | {M(r => r.Sample.ProcessCores):0.00} / {M(r => r.Sample.OtherCores):0.00} |"));
        }

        return 0;
    }

    /// <summary>p50 and p99, in ms, of the latencies the route's seeded sequence gave the measured requests: the
    /// sequence replayed for all <paramref name="served"/> requests, the first ones (the warm-up's, which arrive first)
    /// left out so that <paramref name="measured"/> remain.</summary>
    private static double[] Drawn(MockRoute route, int seed, long served, long measured)
    {
        var simulation = new RouteSimulation(route, seed, index: 0, TimeProvider.System);
        var warmUp = Math.Max(0, served - measured);
        var drawn = new double[served - warmUp];
        for (var i = 0; i < served; i++)
        {
            var latency = simulation.Decide().Latency.TotalMilliseconds;
            if (i >= warmUp)
            {
                drawn[i - warmUp] = latency;
            }
        }

        Array.Sort(drawn);
        return [drawn[(int)(0.5 * (drawn.Length - 1))], drawn[(int)(0.99 * (drawn.Length - 1))]];
    }
}

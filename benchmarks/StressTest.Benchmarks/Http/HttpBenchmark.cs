// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Benchmarks.Engine;
using StressTest.Benchmarks.Targets;
using StressTest.Controller;
using StressTest.Plan;
using StressTest.Plan.Discovery;
using StressTest.Plan.Settings;
using StressTest.Workers;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.Http;

/// <summary>
/// One generator of the HTTP benchmark (<c>benchmarks/run-http.sh</c>) against a running "hello" server, printing one
/// machine-readable line: <c>rps=… cpu_s=… wall_s=… requests=… errors=… alloc_b=… gcs=… other_cores=…</c> (CPU-seconds
/// of this process, wall time and bytes allocated per request over the measured load; GCs gen0/1/2; the rest of the
/// machine's CPU in cores, which includes the server's).
/// <c>http-stress</c> is our closed model through the real engine; <c>http-bare</c> is the floor any .NET generator
/// stands on, async tasks looping on one <see cref="HttpClient"/>. Both send <see cref="HttpTargets.GetAsync"/>.
/// </summary>
/// <remarks>
/// The warm-up is a separate load before the measured one rather than the engine's WarmUp, so that CPU and allocation
/// can be read around the measured load alone, the same way for both generators. Each load builds its own client and
/// opens its connections inside the measurement (64 connects on loopback: well under a millisecond of CPU).
/// </remarks>
internal static class HttpBenchmark
{
    private static readonly StressTestDeclaration Declaration =
        StressTestScanner.Scan(typeof(HttpTargets).Assembly).Single(d => d.TestClass == typeof(HttpTargets));

    public static Task<int> RunStressAsync(HttpLoadOptions options) => MeasureAsync(options, RunEngineAsync);

    public static Task<int> RunBareAsync(HttpLoadOptions options) => MeasureAsync(options, RunBareLoopAsync);

    private static async Task<int> MeasureAsync(HttpLoadOptions options, Func<HttpLoadOptions, double, Task<LoadResult?>> load)
    {
        if (options.WarmUpSeconds > 0 && await load(options, options.WarmUpSeconds) is null)
        {
            return 1;
        }

        CollectEverything();
        var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = new CpuMeter();
        var started = TimeProvider.System.GetTimestamp();

        var result = await load(options, options.Seconds);

        var wallSeconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = cpu.ProcessSeconds;
        var (_, otherCores) = cpu.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (result is null)
        {
            return 1;
        }

        var gcs = Invariant($"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
        Console.WriteLine(Invariant(
            $"rps={result.Rps:0.0} cpu_s={cpuSeconds:0.000} wall_s={wallSeconds:0.000} requests={result.Requests} errors={result.Errors} alloc_b={(double)allocated / Math.Max(1, result.Requests):0} gcs={gcs} other_cores={otherCores:0.00}"));
        if (result.Errors > 0)
        {
            // A benchmark whose requests fail measures the failure path: not a figure to compare.
            await Console.Error.WriteLineAsync($"{result.Errors} request(s) failed, e.g.: {result.FirstError}");
            return 1;
        }

        return 0;
    }

    /// <summary>Our closed model, as the test adapter runs it: scanner, plan builder with the BaseUrl setting,
    /// controller, in-process agent, dedicated worker threads, per-second telemetry, aggregation.</summary>
    private static async Task<LoadResult?> RunEngineAsync(HttpLoadOptions options, double seconds)
    {
        var declaration = Declaration with
        {
            Arguments = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(StressTestAttribute.Duration)] = Invariant($"{seconds}s"),
                [nameof(StressTestAttribute.WarmUp)] = "0s",
                [nameof(StressTestAttribute.Concurrency)] = options.Concurrency,
            },
        };
        var plan = PlanBuilder.Build(declaration, StressSettings.Default with { BaseUrl = options.Url });
        if (!plan.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"{declaration.Method.Name}: {plan.Error}");
            return null;
        }

        var controller = new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System));
        var result = await controller.RunAsync(plan.Value, "bench", CancellationToken.None);
        if (result.Measurements is not { } measurements)
        {
            await Console.Error.WriteLineAsync($"The run measured nothing ({result.Outcome}): {string.Join("; ", result.Problems)}");
            return null;
        }

        var firstError = measurements.ErrorsByKind.FirstOrDefault() is { } error ? $"{error.Kind}: {error.FirstMessage}" : null;
        return new LoadResult(measurements.Count, measurements.Errors, measurements.Rps, firstError);
    }

    /// <summary>
    /// The floor: <see cref="HttpLoadOptions.Concurrency"/> tasks on the thread pool, each sending the next request as
    /// soon as the last one is read, on one client with a connection per task. The client is as lean as the engine's
    /// where that costs per request (no proxy lookup, no cookie container, no per-request timeout timer); unlike the
    /// engine's it has no factory handlers (logging, host guard, measuring), asks for no compressed responses and passes
    /// no cancellation token (a cancellable one makes HttpClient link a token source per request). A request counts when
    /// it starts inside the window, as the engine counts invocations, so both rates are requests started per second.
    /// </summary>
    /// <remarks><see cref="HttpLoadOptions.Decompress"/> and <see cref="HttpLoadOptions.Cancellable"/> make it send the
    /// request ours sends (compression offered and decoded, a cancellable token), so that what remains between the two
    /// is the framework. <see cref="HttpLoadOptions.Threads"/> takes one step towards the engine, to find where a difference comes
    /// from: the same requests driven by dedicated threads that block on each one, as the closed model's workers do.</remarks>
    private static async Task<LoadResult?> RunBareLoopAsync(HttpLoadOptions options, double seconds)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = options.Decompress ? System.Net.DecompressionMethods.All : System.Net.DecompressionMethods.None,
        })
        {
            BaseAddress = options.Url,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var time = TimeProvider.System;
        var end = time.GetTimestamp() + (long)(seconds * time.TimestampFrequency);
        var errors = new Errors();

        async Task<long> LoopAsync(bool blocking)
        {
            long requests = 0;
            using var source = new CancellationTokenSource();
            var token = options.Cancellable ? source.Token : CancellationToken.None;
            while (time.GetTimestamp() < end)
            {
                requests++;
                try
                {
                    var request = HttpTargets.GetAsync(client, token);
                    if (blocking)
                    {
                        request.GetAwaiter().GetResult();
                    }
                    else
                    {
                        await request;
                    }
                }
                catch (HttpRequestException ex)
                {
                    errors.Add(ex);
                }
            }

            return requests;
        }

        long[] counts;
        if (options.Threads)
        {
            // A blocking loop never awaits, so LoopAsync(true) runs to its end on the thread that calls it.
            counts = new long[options.Concurrency];
            var threads = Enumerable.Range(0, options.Concurrency)
                .Select(i => new Thread(() => counts[i] = LoopAsync(blocking: true).GetAwaiter().GetResult()) { IsBackground = true })
                .ToList();
            threads.ForEach(t => t.Start());
            await Task.Run(() => threads.ForEach(t => t.Join()));
        }
        else
        {
            counts = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => LoopAsync(blocking: false))));
        }

        return new LoadResult(counts.Sum(), errors.Count, counts.Sum() / seconds, errors.First);
    }

    private sealed record LoadResult(long Requests, long Errors, double Rps, string? FirstError);

    /// <summary>Failed requests of the bare loop's tasks: a count and the first message.</summary>
    private sealed class Errors
    {
        private long _count;
        private string? _first;

        public long Count => Interlocked.Read(ref _count);

        public string? First => Volatile.Read(ref _first);

        public void Add(Exception ex)
        {
            Interlocked.Increment(ref _count);
            Interlocked.CompareExchange(ref _first, ex.Message, null);
        }
    }
}

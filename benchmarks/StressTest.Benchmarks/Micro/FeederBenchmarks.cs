// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using StressTest.Data;
using StressTest.Load;
using StressTest.Workers;

namespace StressTest.Benchmarks.Micro;

/// <summary>
/// One take from a feeder, by strategy, on one thread and on two threads taking from the same feeder at once (the
/// goal: under 100 ns per record with 2 threads, 0 B). Each benchmark call takes <see cref="Takes"/> records per
/// thread; results are per take on each thread, so the 2-thread figures are what a worker pays while another worker
/// takes from the same feeder.
/// </summary>
/// <remarks>
/// Sources: 10,000 ints held whole (Circular, Random, PerWorker), and 1,000,000 ints streamed through windows of
/// 4,096 (Circular: the window swap and the background read-ahead of the next window are in the figure, once per
/// 4,096 takes). <see cref="FeedThroughContext"/> adds the context's lookup of the run's feeder
/// (<c>ctx.Feed&lt;int&gt;()</c>), as a stress test calls it, with the context of a real slot.
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class FeederBenchmarks
{
    private const int Takes = 1 << 20;

    private readonly StressContext[] _workers = [new("bench", 0, 2), new("bench", 1, 2)];
    private Feeder<int> _circular = null!;
    private Feeder<int> _random = null!;
    private Feeder<int> _perWorker = null!;
    private Feeder<int> _streamed = null!;
    private StressContext[] _slots = null!;

    [GlobalSetup]
    public void Setup()
    {
        var records = Enumerable.Range(0, 10_000).ToArray();
        _circular = Feeder.From(records, FeedStrategy.Circular);
        _random = Feeder.From(records, FeedStrategy.Random);
        _perWorker = Feeder.From(records, FeedStrategy.PerWorker);
        _streamed = Feeder.From(Enumerable.Range(0, 1_000_000), FeedStrategy.Circular, new FeederOptions { WindowSize = 4_096 });

        // Contexts of real slots, whose run holds the circular feeder, for ctx.Feed<int>().
        var load = new LoadProfile(TimeSpan.Zero, TimeSpan.FromDays(1), Concurrency: 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        var data = new RunData();
        data.Set(Feeder.From(records, FeedStrategy.Circular));
        var run = new LoadRun(TimeProvider.System, "bench", load, workerCount: 2) { SlotCount = 2, Data = data };
        _slots = [.. Enumerable.Range(0, 2).Select(id => new InvocationSlot(id, run, new MeasurementSink(concurrentWriters: false, scheduled: false)).Context)];

        // Every feeder reads its first window before the first measured take, as a run's setup does.
        foreach (var feeder in new[] { _circular, _random, _perWorker, _streamed })
        {
            feeder.Next(_workers[0]);
        }

        _slots[0].Feed<int>();
    }

    [GlobalCleanup]
    public void Cleanup() => _streamed.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Takes, Description = "Circular, 1 thread")]
    public long Circular1() => Take(_circular, _workers[0]);

    [Benchmark(OperationsPerInvoke = Takes, Description = "Circular, 2 threads")]
    public long Circular2() => OnTwoThreads(_circular, _workers);

    [Benchmark(OperationsPerInvoke = Takes, Description = "Random (seeded), 2 threads")]
    public long Random2() => OnTwoThreads(_random, _workers);

    [Benchmark(OperationsPerInvoke = Takes, Description = "PerWorker, 2 threads")]
    public long PerWorker2() => OnTwoThreads(_perWorker, _workers);

    [Benchmark(OperationsPerInvoke = Takes, Description = "Circular streamed (window 4,096), 2 threads")]
    public long Streamed2() => OnTwoThreads(_streamed, _workers);

    [Benchmark(OperationsPerInvoke = Takes, Description = "ctx.Feed<int>() (Circular), 2 threads")]
    public long FeedThroughContext()
    {
        long zero = 0, one = 0;
        Parallel.Invoke(() => zero = Feed(_slots[0]), () => one = Feed(_slots[1]));
        return zero + one;
    }

    private static long OnTwoThreads(Feeder<int> feeder, StressContext[] workers)
    {
        long zero = 0, one = 0;
        Parallel.Invoke(() => zero = Take(feeder, workers[0]), () => one = Take(feeder, workers[1]));
        return zero + one;
    }

    private static long Take(Feeder<int> feeder, StressContext worker)
    {
        long sum = 0;
        for (var i = 0; i < Takes; i++)
        {
            sum += feeder.Next(worker);
        }

        return sum;
    }

    private static long Feed(StressContext context)
    {
        long sum = 0;
        for (var i = 0; i < Takes; i++)
        {
            sum += context.Feed<int>();
        }

        return sum;
    }
}

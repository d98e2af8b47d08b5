// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Data;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Data;

/// <summary>Takes from several threads at once: no record lost or doubled, whatever the interleaving. The counts
/// are exact, so these hold on any machine; only the interleaving varies from run to run.</summary>
[TestClass]
public sealed class FeederConcurrencyTests
{
    private const int Threads = 4;

    [TestMethod]
    [DataRow(65_536)]
    [DataRow(1_000)]
    public void Unique_ConcurrentTakes_GiveEveryRecordExactlyOnce(int windowSize)
    {
        const int records = 100_000;
        var feeder = Feeder.From(Enumerable.Range(0, records), FeedStrategy.Unique, new FeederOptions { WindowSize = windowSize });
        var seen = new int[records];
        var outOfRecords = 0;

        RunOnThreads(worker =>
        {
            while (true)
            {
                try
                {
                    Interlocked.Increment(ref seen[feeder.Next(worker)]);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref outOfRecords);
                    return;
                }
            }
        });

        Assert.IsTrue(seen.All(s => s == 1), $"records taken other than once: {string.Join(", ", seen.Select((s, i) => (s, i)).Where(x => x.s != 1).Take(10))}");
        Assert.AreEqual(Threads, outOfRecords, "every thread ends by finding the feeder out of records");
    }

    [TestMethod]
    [DataRow(65_536)]
    [DataRow(1_000)]
    public void Circular_ConcurrentTakes_GiveEveryRecordEquallyOften(int windowSize)
    {
        const int records = 10_000;
        const int perThread = 25_000; // 4 × 25,000 = 10 passes over the records
        var feeder = Feeder.From(Enumerable.Range(0, records), FeedStrategy.Circular, new FeederOptions { WindowSize = windowSize });
        var seen = new int[records];

        RunOnThreads(worker =>
        {
            for (var i = 0; i < perThread; i++)
            {
                Interlocked.Increment(ref seen[feeder.Next(worker)]);
            }
        });

        // Streamed, a pass is read window by window and the window in use is shared: each record is handed out
        // once per pass, passes one after the other.
        Assert.IsTrue(seen.All(s => s == 10), $"counts: {string.Join(", ", seen.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"))}");
    }

    [TestMethod]
    public void PerWorker_ConcurrentTakes_NeverGiveARecordToTwoWorkers()
    {
        var feeder = Feeder.From(Enumerable.Range(0, 1_000), FeedStrategy.PerWorker, new FeederOptions { WindowSize = 100 });
        var owners = new ConcurrentDictionary<int, int>();
        var conflicts = 0;

        RunOnThreads(worker =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                var record = feeder.Next(worker);
                if (owners.GetOrAdd(record, worker.WorkerId) != worker.WorkerId)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        });

        Assert.AreEqual(0, conflicts);
        Assert.AreEqual(1_000, owners.Count, "every record has its worker");
        Assert.IsTrue(owners.All(o => o.Key % Threads == o.Value), "worker k owns k, k + N, …");
    }

    private static void RunOnThreads(Action<StressContext> body)
    {
        var workers = Contexts.Workers(Threads);
        using var start = new Barrier(Threads);
        var threads = workers.Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            body(w);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.IsTrue(t.Join(TestSupport.TestClock.Guard), "a taker did not finish"));
    }
}

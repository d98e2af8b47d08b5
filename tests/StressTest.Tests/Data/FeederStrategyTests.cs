// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Data;

/// <summary>Each strategy's order and partitioning, over a source held whole and over a streamed one (a window
/// smaller than the source), outside a run.</summary>
[TestClass]
public sealed class FeederStrategyTests
{
    private static readonly FeederOptions Streamed = new() { WindowSize = 3 };

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Circular_OneWorker_GivesTheRecordsInOrderAndStartsOver(bool streamed)
    {
        var feeder = Feeder.From(Enumerable.Range(1, 7), FeedStrategy.Circular, streamed ? Streamed : null);
        var worker = Contexts.Worker(0);

        var taken = Enumerable.Range(0, 16).Select(_ => feeder.Next(worker)).ToArray();

        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2 }, taken);
    }

    [TestMethod]
    public void Circular_SeveralWorkers_ShareOneSequence()
    {
        var feeder = Feeder.From(new[] { "a", "b", "c" }, FeedStrategy.Circular);
        var workers = Contexts.Workers(2);

        var taken = new[] { feeder.Next(workers[0]), feeder.Next(workers[1]), feeder.Next(workers[1]), feeder.Next(workers[0]) };

        CollectionAssert.AreEqual(new[] { "a", "b", "c", "a" }, taken);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Unique_GivesEachRecordOnceThenSaysItRanOut(bool streamed)
    {
        var feeder = Feeder.From(Enumerable.Range(1, 7), FeedStrategy.Unique, streamed ? Streamed : null);
        var worker = Contexts.Worker(0);

        var taken = Enumerable.Range(0, 7).Select(_ => feeder.Next(worker)).ToArray();
        var exhausted = Assert.ThrowsExactly<InvalidOperationException>(() => feeder.Next(worker));

        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6, 7 }, taken);
        Assert.Contains("Feeder<Int32> (Unique) over IEnumerable<Int32>", exhausted.Message);
        Assert.Contains("ran out of records: all 7 were used", exhausted.Message);
        Assert.ThrowsExactly<InvalidOperationException>(() => feeder.Next(worker), "once out, always out");
    }

    [TestMethod]
    public void Random_SameSeed_GivesEachWorkerTheSameSequenceWhateverTheInterleaving()
    {
        var options = new FeederOptions { Seed = 42 };
        var records = Enumerable.Range(0, 500).ToArray();
        var first = Feeder.From(records, FeedStrategy.Random, options);
        var second = Feeder.From(records, FeedStrategy.Random, options);
        var workers = Contexts.Workers(2);

        // First feeder: worker 0 takes all of its records, then worker 1. Second: interleaved.
        var firstRun = new[] { Take(first, workers[0], 50), Take(first, workers[1], 50) };
        var zero = new List<int>();
        var one = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            one.Add(second.Next(workers[1]));
            zero.Add(second.Next(workers[0]));
        }

        CollectionAssert.AreEqual(firstRun[0], zero.ToArray(), "worker 0's sequence depends on the seed only");
        CollectionAssert.AreEqual(firstRun[1], one.ToArray(), "worker 1's sequence depends on the seed only");
        CollectionAssert.AreNotEqual(firstRun[0], firstRun[1], "workers draw different sequences");
        Assert.IsTrue(firstRun.SelectMany(r => r).All(r => r is >= 0 and < 500));
    }

    [TestMethod]
    public void Random_StreamedSource_SameSeedAndSameOrderGivesTheSameSamplesAcrossWindows()
    {
        // 500 records in windows of 100: which window a take samples depends on the takes before it (they share the
        // window), so the same seed repeats a worker's records only when the workers take in the same order.
        var options = new FeederOptions { Seed = 42, WindowSize = 100 };
        var records = Enumerable.Range(0, 500).ToArray();
        var workers = Contexts.Workers(2);
        int[] Run()
        {
            var feeder = Feeder.From(records, FeedStrategy.Random, options);
            return Enumerable.Range(0, 250).Select(i => feeder.Next(workers[i % 2])).ToArray();
        }

        var first = Run();
        var second = Run();

        CollectionAssert.AreEqual(first, second);
        Assert.IsTrue(first.Take(100).All(r => r < 100), "the first 100 takes sample the first window");
        Assert.IsTrue(first.Skip(200).All(r => r is >= 200 and < 300), "takes 201-250 sample the third window");
    }

    [TestMethod]
    public void Random_OtherSeed_GivesAnotherSequenceAndReachesEveryRecord()
    {
        var records = Enumerable.Range(0, 10).ToArray();
        var seeded1 = Take(Feeder.From(records, FeedStrategy.Random, new FeederOptions { Seed = 1 }), Contexts.Worker(0), 1000);
        var seeded2 = Take(Feeder.From(records, FeedStrategy.Random, new FeederOptions { Seed = 2 }), Contexts.Worker(0), 1000);

        CollectionAssert.AreNotEqual(seeded1, seeded2);
        CollectionAssert.AreEquivalent(records, seeded1.Distinct().ToArray(), "1,000 draws from 10 records reach all of them");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void PerWorker_WorkerKOfN_GetsKThenKPlusNAndStartsOverAtK(bool streamed)
    {
        var feeder = Feeder.From(Enumerable.Range(0, 10), FeedStrategy.PerWorker, streamed ? Streamed : null);
        var workers = Contexts.Workers(3);

        CollectionAssert.AreEqual(new[] { 0, 3, 6, 9, 0, 3 }, Take(feeder, workers[0], 6));
        CollectionAssert.AreEqual(new[] { 1, 4, 7, 1, 4, 7, 1 }, Take(feeder, workers[1], 7));
        CollectionAssert.AreEqual(new[] { 2, 5, 8, 2 }, Take(feeder, workers[2], 4));
    }

    [TestMethod]
    public void PerWorker_FewerRecordsThanWorkers_SaysWhichWorkerGetsNone()
    {
        var feeder = Feeder.From(new[] { "a", "b" }, FeedStrategy.PerWorker);
        var workers = Contexts.Workers(3);
        feeder.Next(workers[0]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => feeder.Next(workers[2]));

        Assert.Contains("has 2 record(s) for 3 workers, so worker 2 gets none", error.Message);
    }

    [TestMethod]
    public async Task EmptySource_FailsWhenPrepared()
    {
        var feeder = Feeder.From(Array.Empty<int>(), FeedStrategy.Circular);

        var error = await Assert.ThrowsExactlyAsync<InvalidDataException>(async () => await ((IPreparedData)feeder).PrepareAsync(CancellationToken.None));

        Assert.Contains("IEnumerable<Int32> (Int32[]) has no records: a feeder needs at least one", error.Message);
    }

    [TestMethod]
    public async Task FromAsyncEnumerable_Unique_ReadsAheadAndGivesEveryRecordOnce()
    {
        var feeder = Feeder.FromAsyncEnumerable(Count(10), FeedStrategy.Unique, new FeederOptions { WindowSize = 4 });
        await ((IPreparedData)feeder).PrepareAsync(CancellationToken.None);

        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToArray(), Take(feeder, Contexts.Worker(0), 10));
        Assert.ThrowsExactly<InvalidOperationException>(() => feeder.Next(Contexts.Worker(0)));
        await feeder.DisposeAsync();
    }

    [TestMethod]
    public async Task Disposed_TakeSaysTheRunEnded()
    {
        var feeder = Feeder.From(new[] { 1 }, FeedStrategy.Circular);
        await feeder.DisposeAsync();

        var error = Assert.ThrowsExactly<ObjectDisposedException>(() => feeder.Next(Contexts.Worker(0)));

        Assert.Contains("was disposed", error.Message);
    }

    [TestMethod]
    public void Create_BadOptions_AreRejectedNamingTheOption()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Feeder.From(new[] { 1 }, FeedStrategy.Circular, new FeederOptions { WindowSize = 0 }));

        Assert.Contains("WindowSize must be from 1", error.Message);
    }

    private static T[] Take<T>(Feeder<T> feeder, StressContext worker, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => feeder.Next(worker))];

    private static async IAsyncEnumerable<int> Count(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}

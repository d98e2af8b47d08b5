// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using MathNet.Numerics.Random;
using StressTest.Mocks.Latencies;
using StressTest.Mocks.Tests.TestSupport;

namespace StressTest.Mocks.Tests.Latencies;

/// <summary>Replaying HdrHistogram files: 100,000 draws match the source to the source's resolution.</summary>
[TestClass]
public sealed class EmpiricalLatencyTests
{
    [TestMethod]
    public void Empirical_HistogramLog_EveryDrawFallsInASourceBucketInProportion()
    {
        using var folder = new TempFolder();
        var source = new LongHistogram(TimeSpan.FromHours(1).Ticks / 10, 3);   // µs, as this tool records
        source.RecordValueWithCount(10_000, 40_000);
        source.RecordValueWithCount(20_000, 55_000);
        source.RecordValueWithCount(500_000, 5_000);
        var path = Path.Combine(folder.Path, "recorded.hlog");
        using (var stream = File.Create(path))
        {
            HistogramLogWriter.Write(stream, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), source);
        }

        var draws = Draws.SortedMilliseconds(Latency.Empirical(path));

        double[][] buckets = [.. new long[] { 10_000, 20_000, 500_000 }.Select(v => new[] { source.LowestEquivalentValue(v) / 1000.0, (source.HighestEquivalentValue(v) + 1) / 1000.0 })];
        var inBucket = buckets.Select(b => draws.Count(d => d >= b[0] && d < b[1])).ToArray();
        Assert.AreEqual(Draws.Count, inBucket.Sum(), "every draw lies within a bucket the source recorded");
        AssertShare(0.40, inBucket[0]);
        AssertShare(0.55, inBucket[1]);
        AssertShare(0.05, inBucket[2]);
        Assert.IsTrue(Draws.Quantile(draws, 0.5) >= buckets[1][0] && Draws.Quantile(draws, 0.5) < buckets[1][1], "p50 in the source's p50 bucket");
        Assert.IsTrue(Draws.Quantile(draws, 0.99) >= buckets[2][0], "p99 in the source's p99 bucket");
    }

    [TestMethod]
    public void Empirical_PercentileDistribution_QuantilesWithinTheSourceRows()
    {
        using var folder = new TempFolder();
        var source = new LongHistogram(TimeSpan.FromHours(1).Ticks / 10, 3);
        var random = new Xoshiro256StarStar(3, threadSafe: false);
        var truth = Latency.LogNormal(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 1_000_000; i++)
        {
            source.RecordValue(truth.Sample(random).Ticks / TimeSpan.TicksPerMicrosecond);
        }

        // What this tool attaches to every result: percentiles in ms, 5 ticks per half distance.
        var path = Path.Combine(folder.Path, "staging.hgrm");
        using (var writer = new StreamWriter(path))
        {
            source.OutputPercentileDistribution(writer, percentileTicksPerHalfDistance: 5, outputValueUnitScalingRatio: 1000.0);
        }

        var replay = (EmpiricalLatency)Latency.Empirical(path);
        var draws = Draws.SortedMilliseconds(replay);

        foreach (var p in new[] { 0.5, 0.9, 0.99 })
        {
            var expected = source.GetValueAtPercentile(p * 100) / 1000.0;
            // The file's resolution at p: the row interval holding the source's quantile (rows are printed to 1 µs).
            var row = replay.Buckets.First(b => b.High >= expected - 0.001);
            var resolution = Math.Max(row.High - row.Low, 0.001);
            Assert.IsLessThanOrEqualTo(resolution, Math.Abs(Draws.Quantile(draws, p) - expected), $"p{p * 100}: source {expected} ms, replay {Draws.Quantile(draws, p)} ms, row {row.Low}–{row.High} ms");
        }
    }

    [TestMethod]
    public void Empirical_MissingFile_FileNotFound() =>
        Assert.ThrowsExactly<FileNotFoundException>(() => Latency.Empirical(Path.Combine(Path.GetTempPath(), "no-such-file.hgrm")));

    [TestMethod]
    [DataRow("notes.hgrm", "latency was fine\n")]
    [DataRow("notes.hlog", "latency was fine\n")]
    [DataRow("notes.txt", "1,2\n3,4\n")]
    [DataRow("empty.hgrm", "")]
    public void Empirical_NotAnHdrHistogramFile_SaysSoAndWhatWasExpected(string name, string content)
    {
        using var folder = new TempFolder();

        var ex = Assert.ThrowsExactly<MockDefinitionException>(() => Latency.Empirical(folder.File(name, content)));

        Assert.AreEqual("file", ex.Field);
        Assert.AreEqual($"\"{name}\" is not an HdrHistogram file; expected an HdrHistogram percentile distribution (.hgrm: rows of value, percentile, total count) or histogram log (.hlog)", ex.Problem);
    }

    private static void AssertShare(double probability, int count)
    {
        var standardError = Math.Sqrt(Draws.Count * probability * (1 - probability));
        Assert.IsLessThanOrEqualTo(3 * standardError, Math.Abs(count - (Draws.Count * probability)), $"expected {probability:P0} of {Draws.Count:N0}, drew {count:N0}");
    }
}

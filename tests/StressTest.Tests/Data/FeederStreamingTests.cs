// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Controller;
using StressTest.Data;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers;

namespace StressTest.Tests.Data;

/// <summary>
/// A 1,000,000-row CSV feeds a whole run, every row exactly once, while the managed heap stays a small fraction of
/// what the rows would take loaded: the feeder holds a window and the one read ahead, never the file.
/// </summary>
/// <remarks>
/// Not parallelized: the heap is measured with forced full collections (<see cref="GC.GetTotalMemory(bool)"/>),
/// which only mean something while no other test allocates. What is asserted does not depend on timing: the count,
/// the sum of the ids, and a bound on live memory with a wide margin on both sides (the rows loaded would be about
/// 200 MB; two windows are about 25 MB).
/// </remarks>
[TestClass]
[DoNotParallelize]
public sealed class FeederStreamingTests
{
    private const int Rows = 1_000_000;

    [TestMethod]
    public async Task Run_MillionRowCsv_FeedsEveryRowOnceWithoutLoadingTheFile()
    {
        using var file = DataFile.Write("million.csv", string.Empty);
        await WriteRowsAsync(file.Path);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        StreamingTarget.Reset(file.Path);

        var plan = Plans.Build(typeof(StreamingTarget), nameof(StreamingTarget.Run));
        var result = await new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System))
            .RunAsync(plan, "streaming", CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(Rows, result.Measurements!.Count, "one invocation per row; the run stopped when the file was used up");
        Assert.AreEqual((long)Rows * (Rows - 1) / 2, StreamingTarget.IdSum, "every row exactly once");
        Assert.Contains("ran out of records: all 1,000,000 were used", Assert.ContainsSingle(result.Measurements.Notes));
        var peak = StreamingTarget.PeakHeap - baseline;
        var fileBytes = new FileInfo(file.Path).Length;
        Assert.IsLessThan(48L * 1024 * 1024, peak, $"live heap grew by {peak / 1024 / 1024} MB while streaming a {fileBytes / 1024 / 1024} MB file");
    }

    private static async Task WriteRowsAsync(string path)
    {
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync("Id,Email,Name");
        for (var i = 0; i < Rows; i++)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i},user{i}@example.test,\"Customer {i}, Esq.\""));
        }
    }

    public static class StreamingTarget
    {
        private static long _idSum;
        private static long _peakHeap;
        private static long _taken;

        public static string Path { get; private set; } = string.Empty;

        public static long IdSum => Interlocked.Read(ref _idSum);

        public static long PeakHeap => Interlocked.Read(ref _peakHeap);

        public static void Reset(string path)
        {
            Path = path;
            _idSum = 0;
            _peakHeap = 0;
            _taken = 0;
        }

        [StressSetup]
        public static void Setup(StressSetupContext setup) =>
            setup.Set(Feeder.FromCsv<Customer>(Path, FeedStrategy.Unique, new FeederOptions { WhenExhausted = FeedExhaustion.StopRun }));

        [StressTest(Duration = "5m", WarmUp = "0s")]
        public static void Run(StressContext ctx)
        {
            var customer = ctx.Feed<Customer>();
            Interlocked.Add(ref _idSum, customer.Id);
            if (Interlocked.Increment(ref _taken) % 100_000 == 50_000)
            {
                // Mid-window, ten times over the file: the heap as it is while records flow.
                _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }
    }

    public sealed record Customer(long Id, string Email, string Name);
}

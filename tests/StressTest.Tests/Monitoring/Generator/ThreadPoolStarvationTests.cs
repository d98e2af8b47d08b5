// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Monitoring.Generator;
using StressTest.Plan.Methods;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Monitoring.Generator;

/// <summary>A thread pool starved by the test's own blocking code is named as the test's fault (item 5 of issue 16);
/// a busy but healthy pool is not.</summary>
[TestClass]
public sealed class ThreadPoolStarvationTests
{
    private static readonly GeneratorHealth Calm = new(0.2, 80, 1, 2, 10, 4, 0, 0);

    [TestMethod]
    public void Judge_WorkWaitingWhileThePoolGrows_IsStarvationNamedAsTheTestsFault()
    {
        var series = Series(i => i is 2 or 3 ? Calm with { ThreadPoolQueue = 250 + i, ThreadPoolThreads = 10 + i } : Calm);

        var starvation = ThreadPoolStarvation.Judge(series, cores: 2);

        Assert.IsNotNull(starvation);
        Assert.AreEqual((2.0, 4.0, 253L, 13), (starvation.FromSeconds, starvation.ToSeconds, starvation.PeakQueue, starvation.PeakThreads));
        Assert.AreEqual(
            "Warning: the thread pool of the test process was starved from 2 s to 4 s (253 work items waiting, 13 threads): code in the test process blocks thread-pool threads (.Wait(), .Result or Thread.Sleep in async code, in the test method, its setup or an API hosted in the test process), so latencies in that window include waiting for a thread. This is the test's own fault: make that code await.",
            starvation.Warning);
    }

    [TestMethod]
    [DataRow(500, 4, "a long queue on a pool the runtime did not grow is a busy pool, not a starved one")]
    [DataRow(50, 40, "many threads and a short queue: the pool keeps up")]
    public void Judge_BusyButNotStarved_IsNull(long queue, int threads, string why)
    {
        Assert.IsNull(ThreadPoolStarvation.Judge(Series(_ => Calm with { ThreadPoolQueue = queue, ThreadPoolThreads = threads }), cores: 2), why);
    }

    [TestMethod]
    public void Judge_OneStarvedSecondInALongRun_IsNotEnough()
    {
        Assert.IsNull(ThreadPoolStarvation.Judge(Series(i => i == 5 ? Calm with { ThreadPoolQueue = 300, ThreadPoolThreads = 20 } : Calm), cores: 2));
    }

    [TestMethod]
    public void Judge_ARunOfOneStarvedSecond_IsStarved()
    {
        var series = new List<HealthSecond> { new(0, 1.2, Calm with { ThreadPoolQueue = 300, ThreadPoolThreads = 20 }) };

        Assert.IsNotNull(ThreadPoolStarvation.Judge(series, cores: 2));
    }

    private static List<HealthSecond> Series(Func<int, GeneratorHealth?> health) =>
        Enumerable.Range(0, 10).Select(i => new HealthSecond(i, i + 1, health(i))).ToList();
}

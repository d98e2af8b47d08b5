// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Transport.Contracts;
using StressTest.Workers.Recording;

namespace StressTest.Tests.Workers.Recording;

/// <summary>A check's passes and failures since the last harvest, from any thread.</summary>
[TestClass]
public sealed class CheckCounterTests
{
    [TestMethod]
    public void Harvest_NothingAdded_ReturnsNull()
    {
        Assert.IsNull(new CheckCounter("status is 200", isAssertion: false).Harvest());
    }

    [TestMethod]
    public void Harvest_AfterAdds_ReturnsTheCountsOnceWithNameAndKind()
    {
        var counter = new CheckCounter("Assert.AreEqual failed", isAssertion: true);
        counter.Add(passed: false);
        counter.Add(passed: false);
        counter.Add(passed: true);

        var first = counter.Harvest();
        var second = counter.Harvest();

        Assert.AreEqual(new CheckInterval("Assert.AreEqual failed", 1, 2, IsAssertion: true), first);
        Assert.IsNull(second);
    }

    [TestMethod]
    public void Add_FromManyThreads_LosesNothing()
    {
        var counter = new CheckCounter("c", isAssertion: false);

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => counter.Add(passed: i % 4 != 0));

        Assert.AreEqual(new CheckInterval("c", 7_500, 2_500, IsAssertion: false), counter.Harvest());
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Transport.Contracts;

/// <summary>Two counts of one error kind become one: counts add, the earlier first message and time win, the later
/// last time wins, the category stays.</summary>
[TestClass]
public sealed class ErrorCountTests
{
    private static readonly ErrorCount Early = Count(3, "early", first: 1, last: 2);
    private static readonly ErrorCount Late = Count(2, "late", first: 5, last: 9);

    [TestMethod]
    public void Merge_OtherStartedEarlier_TakesItsFirstMessageAndTime()
    {
        var merged = Late.Merge(Early);

        Assert.AreEqual(5, merged.Count);
        Assert.AreEqual("early", merged.FirstMessage);
        Assert.AreEqual(TimeSpan.FromSeconds(1), merged.FirstAt);
        Assert.AreEqual(TimeSpan.FromSeconds(9), merged.LastAt);
        Assert.AreEqual(ErrorCategories.Http, merged.Category);
        Assert.AreEqual("HTTP 503", merged.Kind);
    }

    [TestMethod]
    public void Merge_OtherStartedLater_KeepsOwnFirstMessageAndTakesItsLastTime()
    {
        var merged = Early.Merge(Late);

        Assert.AreEqual(Late.Merge(Early), merged, "the order of merging does not matter");
    }

    [TestMethod]
    public void Merge_OtherSpansInside_KeepsTheOuterSpan()
    {
        var inner = Count(1, "inner", first: 6, last: 7);

        var merged = Late.Merge(inner);

        Assert.AreEqual(TimeSpan.FromSeconds(5), merged.FirstAt);
        Assert.AreEqual(TimeSpan.FromSeconds(9), merged.LastAt);
        Assert.AreEqual("late", merged.FirstMessage);
    }

    [TestMethod]
    public void Merge_SameFirstTime_KeepsOwnMessage()
    {
        var merged = Count(1, "mine", first: 4, last: 4).Merge(Count(1, "theirs", first: 4, last: 4));

        Assert.AreEqual("mine", merged.FirstMessage);
        Assert.AreEqual(2, merged.Count);
    }

    [TestMethod]
    public void Merge_Null_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => Early.Merge(null!));
    }

    private static ErrorCount Count(long count, string message, double first, double last) =>
        new("HTTP 503", count, message)
        {
            Category = ErrorCategories.Http,
            FirstAt = TimeSpan.FromSeconds(first),
            LastAt = TimeSpan.FromSeconds(last),
        };
}

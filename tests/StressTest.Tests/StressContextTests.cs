// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Tests.Workers.Http;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests;

/// <summary>
/// What a method reports through its context besides its own latency: steps timed on the fake clock (the body
/// advances it, so every duration is exact), soft checks, and the named HTTP clients; and how each behaves in
/// warm-up and outside a run.
/// </summary>
[TestClass]
public sealed class StressContextTests
{
    private static readonly TimeSpan TwentyFiveMs = TimeSpan.FromMilliseconds(25);

    [TestMethod]
    public void Step_SyncBody_RecordsItsDurationOnTheRunsClock()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx => ctx.Step("work", () => slot.Clock.Advance(TwentyFiveMs)));

        var step = Assert.ContainsSingle(slot.Harvest().Steps);
        Assert.AreEqual("work", step.Name);
        AssertSingleValue(step.Latency, 25_000);
        Assert.AreEqual(0, step.Errors);
    }

    [TestMethod]
    public async Task Step_AsyncBodyWithResult_RecordsUntilItCompletesAndReturnsTheResult()
    {
        using var slot = new MeasuredSlot();
        var result = 0;

        await slot.InvokeAsync(async ctx => result = await ctx.Step("load", async () =>
        {
            await Task.Yield();
            slot.Clock.Advance(TimeSpan.FromMilliseconds(40));
            return 42;
        }));

        Assert.AreEqual(42, result);
        AssertSingleValue(Assert.ContainsSingle(slot.Harvest().Steps).Latency, 40_000);
    }

    [TestMethod]
    public async Task Step_AsyncBody_RecordsUntilItCompletes()
    {
        using var slot = new MeasuredSlot();

        await slot.InvokeAsync(ctx => ctx.Step("save", async () =>
        {
            await Task.Yield();
            slot.Clock.Advance(TimeSpan.FromMilliseconds(15));
        }));

        AssertSingleValue(Assert.ContainsSingle(slot.Harvest().Steps).Latency, 15_000);
    }

    [TestMethod]
    public void Step_SyncBodyWithResult_ReturnsTheResult()
    {
        using var slot = new MeasuredSlot();
        string? result = null;

        slot.Invoke(ctx => result = ctx.Step("name", () =>
        {
            slot.Clock.Advance(TwentyFiveMs);
            return "done";
        }));

        Assert.AreEqual("done", result);
        AssertSingleValue(Assert.ContainsSingle(slot.Harvest().Steps).Latency, 25_000);
    }

    [TestMethod]
    public void Step_Nested_EachTimesItsOwnSpan()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx => ctx.Step("journey", () =>
        {
            slot.Clock.Advance(TimeSpan.FromMilliseconds(10));
            ctx.Step("pay", () => slot.Clock.Advance(TimeSpan.FromMilliseconds(5)));
        }));

        var steps = slot.Harvest().Steps.ToDictionary(s => s.Name);
        AssertSingleValue(steps["journey"].Latency, 15_000);
        AssertSingleValue(steps["pay"].Latency, 5_000);
    }

    [TestMethod]
    public void Step_SyncBodyThrows_CountsAFailedPassAndRethrowsTheSameException()
    {
        using var slot = new MeasuredSlot();
        var thrown = new InvalidOperationException("payment declined");
        Exception? seen = null;

        // A method group, not a lambda: a lambda that always throws would also convert to Func<Task> and pick the
        // asynchronous overload.
        void Pay()
        {
            slot.Clock.Advance(TwentyFiveMs);
            throw thrown;
        }

        slot.Invoke(ctx =>
        {
            try
            {
                ctx.Step("pay", Pay);
            }
            catch (Exception ex)
            {
                seen = ex;
                throw;
            }
        });

        Assert.AreSame(thrown, seen);
        var interval = slot.Harvest();
        var step = Assert.ContainsSingle(interval.Steps);
        Assert.AreEqual(1, step.Errors);
        AssertSingleValue(step.Latency, 25_000);
        var error = Assert.ContainsSingle(interval.Errors);
        Assert.AreEqual(typeof(InvalidOperationException).FullName, error.Kind);
        Assert.AreEqual("payment declined", error.FirstMessage);
    }

    [TestMethod]
    public async Task Step_AsyncBodyThrows_CountsAFailedPassAndRethrowsTheSameException()
    {
        using var slot = new MeasuredSlot();
        var thrown = new TimeoutException("slow");
        Exception? seen = null;

        await slot.InvokeAsync(async ctx =>
        {
            try
            {
                await ctx.Step<int>("fetch", async () =>
                {
                    await Task.Yield();
                    slot.Clock.Advance(TwentyFiveMs);
                    throw thrown;
                });
            }
            catch (Exception ex)
            {
                seen = ex;
            }
        });

        Assert.AreSame(thrown, seen);
        var interval = slot.Harvest();
        Assert.AreEqual(1, Assert.ContainsSingle(interval.Steps).Errors);
        Assert.IsEmpty(interval.Errors, "the method caught it: the invocation itself did not fail");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(" ")]
    public void Step_EmptyName_ThrowsArgumentExceptionWithoutRunningTheBody(string name)
    {
        using var slot = new MeasuredSlot();
        var ran = false;
        Exception? seen = null;

        slot.Invoke(ctx => seen = Assert.Throws<ArgumentException>(() => ctx.Step(name, () => ran = true)));

        Assert.IsNotNull(seen);
        Assert.IsFalse(ran);
        Assert.IsEmpty(slot.Harvest().Steps);
    }

    [TestMethod]
    public void Step_NamesDifferingOnlyInCase_ReportAProblemOfTheRun()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx =>
        {
            ctx.Step("Checkout", () => { });
            ctx.Step("checkout", () => { });
        });

        var problem = Assert.ContainsSingle(slot.Run.Problems);
        Assert.Contains("\"Checkout\" and \"checkout\" differ only in case", problem);
        Assert.HasCount(2, slot.Harvest().Steps);
    }

    [TestMethod]
    public void Step_InWarmUp_RunsTheBodyButRecordsNothing()
    {
        using var slot = new MeasuredSlot();
        var ran = 0;

        slot.Invoke(ctx => ctx.Step("work", () => ran++), measured: false);

        Assert.AreEqual(1, ran);
        Assert.IsEmpty(slot.Harvest().Steps);
    }

    [TestMethod]
    public async Task Step_OutsideARun_RunsTheBodyAndStillChecksTheName()
    {
        var context = new StressContext("run", 0);
        var ran = 0;

        context.Step("sync", () => ran++);
        var value = await context.Step("async", () => Task.FromResult(7));

        Assert.AreEqual(1, ran);
        Assert.AreEqual(7, value);
        Assert.ThrowsExactly<ArgumentException>(() => context.Step("", () => ran++));
        Assert.AreEqual(1, ran);
    }

    [TestMethod]
    public void Check_Measured_CountsByNameAndReturnsTheCondition()
    {
        using var slot = new MeasuredSlot();
        var returned = new List<bool>();

        slot.Invoke(ctx =>
        {
            returned.Add(ctx.Check(true, "status is 200"));
            returned.Add(ctx.Check(false, "status is 200"));
            returned.Add(ctx.Check(false, "has items"));
        });

        Assert.AreSequenceEqual(new[] { true, false, false }, returned.ToArray());
        var interval = slot.Harvest();
        var checks = interval.Checks.ToDictionary(c => c.Name);
        Assert.AreEqual(new CheckInterval("status is 200", 1, 1, IsAssertion: false), checks["status is 200"]);
        Assert.AreEqual(new CheckInterval("has items", 0, 1, IsAssertion: false), checks["has items"]);
        Assert.AreEqual(1, interval.FailedCheckInvocations, "one invocation, however many of its checks failed");
        Assert.IsEmpty(interval.Errors, "a soft check does not make the invocation an error");
    }

    [TestMethod]
    public void Check_InWarmUp_CountsNothing()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx => ctx.Check(false, "status is 200"), measured: false);

        var interval = slot.Harvest();
        Assert.IsEmpty(interval.Checks);
        Assert.AreEqual(0, interval.FailedCheckInvocations);
    }

    [TestMethod]
    public void Check_OutsideARun_ReturnsTheConditionAndStillChecksTheName()
    {
        var context = new StressContext("run", 0);

        Assert.IsTrue(context.Check(true, "a"));
        Assert.IsFalse(context.Check(false, "a"));
        Assert.ThrowsExactly<ArgumentException>(() => context.Check(true, " "));
    }

    [TestMethod]
    public void Http_OutsideARun_ThrowsNamingTheMember()
    {
        var context = new StressContext("run", 0);

        var http = Assert.ThrowsExactly<InvalidOperationException>(() => context.Http);
        var named = Assert.ThrowsExactly<InvalidOperationException>(() => context.GetHttpClient("auth"));

        Assert.Contains("StressContext.Http is not available outside a stress-test run", http.Message);
        Assert.Contains("StressContext.GetHttpClient is not available outside a stress-test run", named.Message);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("  ")]
    public void GetHttpClient_BlankName_ThrowsArgumentException(string name)
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));

        Assert.Throws<ArgumentException>(() => slot.Slot.Context.GetHttpClient(name));
    }

    [TestMethod]
    public void Http_RunWithoutHttpConfiguration_ThrowsSayingSo()
    {
        using var slot = new MeasuredSlot(http: null);

        var exception = Assert.ThrowsExactly<InvalidOperationException>(() => slot.Slot.Context.Http);

        Assert.Contains("no HTTP configuration", exception.Message);
    }

    /// <summary>Exactly one value was recorded, equal to <paramref name="microseconds"/> at the histogram's resolution.</summary>
    private static void AssertSingleValue(byte[] encoded, long microseconds)
    {
        HistogramBase histogram = HistogramCodec.Decode(encoded);
        Assert.AreEqual(1, histogram.TotalCount);
        Assert.AreEqual(histogram.LowestEquivalentValue(microseconds), histogram.LowestEquivalentValue(histogram.GetMaxValue()));
    }
}

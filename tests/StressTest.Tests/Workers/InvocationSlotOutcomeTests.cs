// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Workers;

/// <summary>
/// What an invocation's outcome records besides its latency: an MSTest assertion as a failed check, a failed soft
/// check as a failed-check invocation (not an error), and a response the test does not accept as the invocation's
/// error of kind <c>HTTP nnn</c> even when the method never looks at it.
/// </summary>
[TestClass]
public sealed class InvocationSlotOutcomeTests
{
    private const string OrdersEndpoint = "GET /orders/{id}";

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void RunBlocking_MSTestAssertionThrown_IsAFailedCheckNamedByItsMessage(bool inconclusive)
    {
        using var slot = new MeasuredSlot();
        const string Message = "Assert.AreEqual failed. Expected:<200>. Actual:<500>.";

        slot.Invoke(_ => throw (inconclusive ? new AssertInconclusiveException(Message) : new AssertFailedException(Message)));

        var interval = slot.Harvest();
        var error = Assert.ContainsSingle(interval.Errors);
        Assert.AreEqual(ErrorCategories.Check, error.Category);
        Assert.AreEqual("failed check", error.Kind);
        Assert.AreEqual(Message, error.FirstMessage);
        Assert.AreEqual(new CheckInterval(Message, 0, 1, IsAssertion: true), Assert.ContainsSingle(interval.Checks));
        Assert.AreEqual(1, interval.FailedCheckInvocations);
    }

    [TestMethod]
    public void RunBlocking_AssertionWrappedInAnAggregate_IsNamedByTheAssertionsMessage()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(_ => throw new AggregateException(new AssertFailedException("expected a body")));

        var interval = slot.Harvest();
        Assert.AreEqual(ErrorCategories.Check, Assert.ContainsSingle(interval.Errors).Category);
        Assert.AreEqual("expected a body", Assert.ContainsSingle(interval.Checks).Name);
    }

    [TestMethod]
    public void RunBlocking_AssertionMessageWithASecret_NamesTheCheckRedacted()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(_ => throw new AssertFailedException("GET /orders?api_key=s3cr3t answered 500"));

        var check = Assert.ContainsSingle(slot.Harvest().Checks);
        Assert.DoesNotContain("s3cr3t", check.Name);
        Assert.Contains("api_key=***", check.Name);
    }

    [TestMethod]
    public void RunBlocking_SoftCheckAndAssertionFailInOneInvocation_CountsOneFailedCheckInvocation()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx =>
        {
            ctx.Check(false, "status is 200");
            throw new AssertFailedException("body is empty");
        });

        var interval = slot.Harvest();
        Assert.AreEqual(1, interval.FailedCheckInvocations);
        Assert.HasCount(2, interval.Checks);
    }

    [TestMethod]
    public void RunBlocking_ChecksAllHold_CountsNoFailedCheckInvocation()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx => ctx.Check(true, "status is 200"));
        slot.Invoke(ctx => ctx.Check(false, "status is 200"));
        slot.Invoke(ctx => ctx.Check(true, "status is 200"));

        var interval = slot.Harvest();
        Assert.AreEqual(1, interval.FailedCheckInvocations, "a failed check must not carry over to the next invocation");
        Assert.AreEqual(new CheckInterval("status is 200", 2, 1, IsAssertion: false), Assert.ContainsSingle(interval.Checks));
    }

    [TestMethod]
    public void RunBlocking_UnacceptedStatusNoted_IsTheInvocationsErrorOfKindHttpStatus()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(_ => slot.Slot.NoteHttpFailure(500, OrdersEndpoint));

        var error = Assert.ContainsSingle(slot.Harvest().Errors);
        Assert.AreEqual("HTTP 500", error.Kind);
        Assert.AreEqual(ErrorCategories.Http, error.Category);
        Assert.StartsWith($"{OrdersEndpoint} answered 500 (InternalServerError), which the test does not accept.", error.FirstMessage);
        Assert.Contains("AcceptStatus = \"2xx, 500\"", error.FirstMessage);
    }

    [TestMethod]
    public void RunBlocking_TwoUnacceptedStatuses_TheFirstIsTheError()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(_ =>
        {
            slot.Slot.NoteHttpFailure(503, "GET /a");
            slot.Slot.NoteHttpFailure(404, "GET /b");
        });

        var error = Assert.ContainsSingle(slot.Harvest().Errors);
        Assert.AreEqual("HTTP 503", error.Kind);
        Assert.StartsWith("GET /a answered 503", error.FirstMessage);
    }

    [TestMethod]
    public void RunBlocking_UnacceptedStatusThenAnException_TheExceptionIsTheError()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(_ =>
        {
            slot.Slot.NoteHttpFailure(500, OrdersEndpoint);
            throw new InvalidOperationException("could not parse the order");
        });

        var error = Assert.ContainsSingle(slot.Harvest().Errors);
        Assert.AreEqual(typeof(InvalidOperationException).FullName, error.Kind);
        Assert.AreEqual(ErrorCategories.Exception, error.Category);
    }

    [TestMethod]
    public void RunBlocking_UnacceptedStatusInOneInvocation_DoesNotCarryOverToTheNext()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(_ => slot.Slot.NoteHttpFailure(500, OrdersEndpoint));
        slot.Invoke(_ => { });
        slot.Invoke(_ => { });

        var interval = slot.Harvest();
        Assert.AreEqual(1, Assert.ContainsSingle(interval.Errors).Count);
        Assert.AreEqual(3, HistogramCodec.Decode(interval.Latency).TotalCount);
    }

    [TestMethod]
    public void RunBlocking_InWarmUp_FailuresOfEveryKindRecordNothing()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx => ctx.Check(false, "soft"), measured: false);
        slot.Invoke(_ => slot.Slot.NoteHttpFailure(500, OrdersEndpoint), measured: false);
        slot.Invoke(_ => throw new AssertFailedException("hard"), measured: false);

        var interval = slot.Harvest();
        Assert.IsEmpty(interval.Errors);
        Assert.IsEmpty(interval.Checks);
        Assert.AreEqual(0, interval.FailedCheckInvocations);
        Assert.AreEqual(0, HistogramCodec.Decode(interval.Latency).TotalCount);
    }

    [TestMethod]
    public void RunBlocking_ErrorTime_IsTheOffsetOfTheInvocationsEndInTheMeasuredWindow()
    {
        using var slot = new MeasuredSlot();
        slot.Clock.Advance(TimeSpan.FromSeconds(2));

        slot.Invoke(_ =>
        {
            slot.Clock.Advance(TimeSpan.FromMilliseconds(250));
            slot.Slot.NoteHttpFailure(502, "GET /");
        });
        slot.Clock.Advance(TimeSpan.FromSeconds(1));
        slot.Invoke(_ => slot.Slot.NoteHttpFailure(502, "GET /"));

        var error = Assert.ContainsSingle(slot.Harvest().Errors);
        Assert.AreEqual(2, error.Count);
        Assert.AreEqual(TimeSpan.FromMilliseconds(2_250), error.FirstAt);
        Assert.AreEqual(TimeSpan.FromMilliseconds(3_250), error.LastAt);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Transport;

namespace StressTest.Tests.Workers.Recording;

/// <summary>A step cut off because the run was cancelled is, like the invocation around it and its HTTP requests,
/// neither a measurement nor an error.</summary>
[TestClass]
public sealed class StepPassStoppingTests
{
    [TestMethod]
    public void End_StepCutOffByTheRunsCancellation_RecordsNothing()
    {
        using var slot = new MeasuredSlot();

        slot.Invoke(ctx => ctx.Step("checkout", () =>
        {
            slot.Clock.Advance(TimeSpan.FromMilliseconds(3));
            slot.Run.Stop();
            slot.Slot.Cancel();
            ctx.CancellationToken.ThrowIfCancellationRequested();
        }));

        var interval = slot.Harvest();
        Assert.IsEmpty(interval.Errors, "the invocation itself is not an error");
        Assert.AreEqual(0, HistogramCodec.Decode(interval.Latency).TotalCount, "nor a measurement");
        Assert.IsEmpty(interval.Steps, "so its step must not be a failed pass either");
    }
}

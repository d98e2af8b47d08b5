// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers;
using StressTest.Workers.Recording;

namespace StressTest.Tests.Workers.Recording;

/// <summary>Named measurements of one agent: one recorder per name, names capped, misuse reported, and a harvest that
/// hands over exactly what was recorded since the last one.</summary>
[TestClass]
public sealed class DetailRecorderTests
{
    private readonly List<string> _problems = [];

    [TestMethod]
    public void Step_SameNameTwice_ReturnsTheSameRecorderAndReportsNothing()
    {
        var details = Create();

        var first = details.Step("checkout");
        var second = details.Step("checkout");

        Assert.AreSame(first, second);
        Assert.AreEqual("checkout", first.Name);
        Assert.IsEmpty(_problems);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void Step_EmptyName_ThrowsArgumentExceptionAskingForALabel(string name)
    {
        var details = Create();

        var exception = Assert.ThrowsExactly<ArgumentException>(() => details.Step(name));

        Assert.Contains("StressContext.Step needs a name", exception.Message);
        Assert.IsEmpty(Harvest(details).Steps);
    }

    [TestMethod]
    public void Step_NamesDifferingOnlyInCase_ReportsOneProblemAndKeepsTwoSteps()
    {
        var details = Create();

        var upper = details.Step("Checkout");
        var lower = details.Step("checkout");
        details.Step("checkout");

        Assert.AreNotSame(upper, lower);
        var problem = Assert.ContainsSingle(_problems);
        Assert.Contains("\"Checkout\" and \"checkout\" differ only in case", problem);
        Assert.Contains("Use one spelling", problem);
    }

    [TestMethod]
    public void Step_OneMoreThanMaxNames_ThrowsNamingTheStepAndKeepsTheExistingOnes()
    {
        var details = Create();
        var existing = Enumerable.Range(0, DetailRecorder.MaxNames).Select(i => details.Step($"step-{i}")).ToList();

        var exception = Assert.ThrowsExactly<InvalidOperationException>(() => details.Step("step-4711"));

        Assert.Contains("StressContext.Step(\"step-4711\")", exception.Message);
        Assert.Contains($"would be step name number {DetailRecorder.MaxNames + 1} of the run", exception.Message);
        Assert.Contains("not contain ids or counters", exception.Message);
        Assert.AreSame(existing[5], details.Step("step-5"), "a known name is still served after the cap");
        existing[5].Record(1_000, failed: false);
        var step = Assert.ContainsSingle(Harvest(details).Steps);
        Assert.AreEqual("step-5", step.Name);
    }

    [TestMethod]
    public void Step_FirstUseOnManyThreadsAtOnce_CreatesOneRecorder()
    {
        const int Threads = 16;
        var details = Create();
        using var start = new Barrier(Threads);
        var seen = new NamedRecorder?[Threads];
        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait(TestSupport.TestClock.Guard);
            seen[i] = details.Step("login");
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.IsTrue(t.Join(TestSupport.TestClock.Guard)));

        Assert.IsNotNull(seen[0]);
        Assert.IsTrue(seen.All(s => ReferenceEquals(s, seen[0])), "every thread must record into the same step");
    }

    [TestMethod]
    public void Endpoint_BeyondMaxNames_FoldsIntoOtherEndpoints()
    {
        var details = Create();
        var named = Enumerable.Range(0, DetailRecorder.MaxNames).Select(i => details.Endpoint($"GET /e{i}")).ToList();

        var overflow1 = details.Endpoint("GET /x1");
        var overflow2 = details.Endpoint("GET /x2");
        overflow1.Record(1_000, 200, failed: false, bytesOut: 0);
        overflow2.Record(2_000, 503, failed: true, bytesOut: 0);
        named[0].Record(1_000, 200, failed: false, bytesOut: 0);

        Assert.AreEqual(DetailRecorder.OtherEndpoints, overflow1.Name);
        Assert.AreSame(overflow1, overflow2);
        Assert.AreSame(named[7], details.Endpoint("GET /e7"));
        var endpoints = Harvest(details).Endpoints.ToDictionary(e => e.Name);
        Assert.HasCount(2, endpoints);
        var other = endpoints[DetailRecorder.OtherEndpoints];
        Assert.AreEqual(2, HistogramCodec.Decode(other.Latency).TotalCount);
        Assert.AreEqual(1, other.Errors);
        Assert.AreEqual(1, HistogramCodec.Decode(endpoints["GET /e0"].Latency).TotalCount);
        Assert.IsEmpty(_problems, "folding endpoints is not a misuse of the test's own names");
    }

    [TestMethod]
    public void Check_PassesAndFailures_AreCountedPerName()
    {
        var details = Create();

        details.Check("status is 200", passed: true);
        details.Check("status is 200", passed: true);
        details.Check("status is 200", passed: false);
        details.Check("has body", passed: false);

        var checks = Harvest(details).Checks.ToDictionary(c => c.Name);
        Assert.AreEqual(new CheckInterval("status is 200", 2, 1, IsAssertion: false), checks["status is 200"]);
        Assert.AreEqual(new CheckInterval("has body", 0, 1, IsAssertion: false), checks["has body"]);
    }

    [TestMethod]
    public void AssertionFailed_SameTextAsASoftCheck_IsCountedSeparatelyAsAnAssertion()
    {
        var details = Create();

        details.AssertionFailed("expected 200");
        details.AssertionFailed("expected 200");
        details.Check("expected 200", passed: true);

        var checks = Harvest(details).Checks.OrderBy(c => c.IsAssertion).ToList();
        Assert.HasCount(2, checks);
        Assert.AreEqual(new CheckInterval("expected 200", 1, 0, IsAssertion: false), checks[0]);
        Assert.AreEqual(new CheckInterval("expected 200", 0, 2, IsAssertion: true), checks[1]);
    }

    [TestMethod]
    public void Check_BeyondMaxNames_FoldsIntoOtherChecks()
    {
        var details = Create();
        for (var i = 0; i < DetailRecorder.MaxNames; i++)
        {
            details.Check($"check {i}", passed: true);
        }

        details.Check("extra 1", passed: false);
        details.Check("extra 2", passed: true);
        details.Check("check 3", passed: false);

        var checks = Harvest(details).Checks.ToDictionary(c => c.Name);
        Assert.HasCount(DetailRecorder.MaxNames + 1, checks);
        Assert.AreEqual(new CheckInterval(DetailRecorder.OtherChecks, 1, 1, IsAssertion: false), checks[DetailRecorder.OtherChecks]);
        Assert.AreEqual(new CheckInterval("check 3", 1, 1, IsAssertion: false), checks["check 3"]);
        Assert.IsFalse(checks.ContainsKey("extra 1"));
    }

    [TestMethod]
    public void HarvestInto_NamesUsedButNothingRecorded_AddsNothing()
    {
        var details = Create();
        details.Step("idle");
        details.Endpoint("GET /idle");

        var interval = Harvest(details);

        Assert.IsEmpty(interval.Steps);
        Assert.IsEmpty(interval.Endpoints);
        Assert.IsEmpty(interval.Checks);
        Assert.AreEqual(0, interval.FailedCheckInvocations);
    }

    [TestMethod]
    public void HarvestInto_Twice_HandsEverythingOverOnce()
    {
        var details = Create();
        details.Step("pay").Record(10_000, failed: false);
        details.Step("pay").Record(30_000, failed: true);
        details.Endpoint("POST /pay").Record(8_000, 201, failed: false, bytesOut: 42);
        details.Check("paid", passed: true);
        details.AddFailedCheckInvocation();
        details.AddFailedCheckInvocation();

        var first = Harvest(details);
        var second = Harvest(details);

        var step = Assert.ContainsSingle(first.Steps);
        var latency = HistogramCodec.Decode(step.Latency);
        Assert.AreEqual(2, latency.TotalCount);
        Assert.AreEqual(latency.LowestEquivalentValue(30_000), latency.LowestEquivalentValue(latency.GetMaxValue()));
        Assert.AreEqual(1, step.Errors);
        Assert.AreEqual(42, Assert.ContainsSingle(first.Endpoints).BytesOut);
        Assert.ContainsSingle(first.Checks);
        Assert.AreEqual(2, first.FailedCheckInvocations);
        Assert.IsEmpty(second.Steps);
        Assert.IsEmpty(second.Endpoints);
        Assert.IsEmpty(second.Checks);
        Assert.AreEqual(0, second.FailedCheckInvocations);
    }

    [TestMethod]
    public void HarvestInto_NullTarget_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => Create().HarvestInto(null!));
    }

    [TestMethod]
    public void Names_HoldingSecrets_AreRedactedWhenFirstSeen()
    {
        var details = Create();

        details.Check("token=s3cr3t", passed: false);
        var step = details.Step("password: hunter2");
        var endpoint = details.Endpoint("GET /reset?api_key=k1");

        var harvest = Harvest(details);
        Assert.AreEqual("token=***", Assert.ContainsSingle(harvest.Checks).Name);
        Assert.AreEqual("password: ***", step.Name);
        Assert.AreEqual("GET /reset?api_key=***", endpoint.Name);
        Assert.AreSame(step, details.Step("password: hunter2"), "the name as given still finds its recorder");
    }

    private DetailRecorder Create() => new(_problems.Add);

    private static IntervalTelemetry Harvest(DetailRecorder details)
    {
        var accumulator = new IntervalAccumulator(scheduled: false);
        details.HarvestInto(accumulator);
        return accumulator.Take(0, TimeSpan.Zero, TimeSpan.FromSeconds(1), target: 1, inFlight: 0);
    }
}

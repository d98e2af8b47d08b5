// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Monitoring.Telemetry;

/// <summary>
/// Spans through the real controller and agent, exported by the OpenTelemetry SDK's in-memory exporter. Not in
/// parallel with other tests: an ActivitySource listener is process-wide, and other runs would be traced too.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class TracingTests
{
    [TestMethod]
    public async Task RunAsync_EveryInvocationSampled_NestsStepsAndRequestsAndSendsTraceparentAndBaggage()
    {
        var probe = TracedTargets.Journey.Reset();
        var spans = new List<Activity>();
        StressRunResult result;
        using (Sdk.CreateTracerProviderBuilder().AddSource(StressTestTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            result = await Runs.RunAsync(probe.Clock, typeof(TracedTargets.Journey), nameof(TracedTargets.Journey.Run), Sampled(1));
        }

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var invocations = spans.Where(s => s.ParentSpanId == default).ToList();
        Assert.HasCount(10, invocations);
        Assert.IsTrue(invocations.All(s => s.OperationName == "Run" && (string?)s.GetTagItem(StressTestTelemetry.RunIdKey) == Runs.RunId));
        foreach (var invocation in invocations)
        {
            var steps = spans.Where(s => s.ParentSpanId == invocation.SpanId).Select(s => s.DisplayName).ToArray();
            Assert.AreSequenceEqual(new[] { "list", "get" }, steps);
        }

        var requests = spans.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.HasCount(20, requests);
        Assert.IsTrue(requests.All(r => spans.Single(s => s.SpanId == r.ParentSpanId).DisplayName is "list" or "get"), "a request's parent is its step");
        Assert.AreEqual(200, requests[0].GetTagItem("http.response.status_code"));

        var sent = TracedTargets.Journey.Stub.Received;
        Assert.HasCount(20, sent);
        foreach (var request in requests)
        {
            var headers = sent.Single(r => r.Headers.Contains($"traceparent: 00-{request.TraceId}-{request.SpanId}-01", StringComparison.Ordinal)).Headers;
            Assert.Contains($"baggage: stresstest.run_id={Runs.RunId},stresstest.test=StressTest.Tests.Monitoring.Telemetry.TracedTargets.Journey.Run", headers);
        }
    }

    [TestMethod]
    public async Task RunAsync_QuarterSampled_TracesEveryFourthInvocation()
    {
        var probe = TracedTargets.Journey.Reset();
        var spans = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder().AddSource(StressTestTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            await Runs.RunAsync(probe.Clock, typeof(TracedTargets.Journey), nameof(TracedTargets.Journey.Run), Sampled(0.25));
        }

        var iterations = spans.Where(s => s.ParentSpanId == default).Select(s => (long)s.GetTagItem("stresstest.iteration")!).Order().ToArray();
        Assert.AreSequenceEqual(new[] { 3L, 7L }, iterations);
        Assert.AreEqual(4, TracedTargets.Journey.Stub.Received.Count(r => r.Headers.Contains("traceparent", StringComparison.Ordinal)), "only traced invocations' requests carry headers");
    }

    [TestMethod]
    public async Task RunAsync_NothingListens_SendsNoTraceHeaders()
    {
        var probe = TracedTargets.Journey.Reset();

        await Runs.RunAsync(probe.Clock, typeof(TracedTargets.Journey), nameof(TracedTargets.Journey.Run), Sampled(1));

        Assert.HasCount(20, TracedTargets.Journey.Stub.Received);
        Assert.IsFalse(TracedTargets.Journey.Stub.Received.Any(r => r.Headers.Contains("traceparent", StringComparison.Ordinal) || r.Headers.Contains("baggage", StringComparison.Ordinal)));
    }

    internal static StressSettings Sampled(double rate) =>
        StressSettings.Default with { Observability = ObservabilitySettings.Default with { TraceSampleRate = rate } };
}

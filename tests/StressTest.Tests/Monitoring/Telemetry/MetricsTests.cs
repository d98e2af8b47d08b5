// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using OpenTelemetry;
using OpenTelemetry.Metrics;
using StressTest.Evaluation;
using StressTest.Monitoring.Telemetry;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Monitoring.Telemetry;

/// <summary>The <c>StressTest</c> meter's instruments through the real controller and agent, read with the
/// OpenTelemetry SDK's in-memory exporter. Not in parallel: a meter listener hears every run in the process.</summary>
[TestClass]
[DoNotParallelize]
public sealed class MetricsTests
{
    private const string Test = "StressTest.Tests.Monitoring.Telemetry.TracedTargets.Journey.Run";

    [TestMethod]
    public async Task RunAsync_MeterListened_PublishesInvocationsLatencyEndpointsAndSteps()
    {
        var probe = TracedTargets.Journey.Reset();
        var metrics = new List<MetricSnapshot>();
        StressRunResult result;
        using (Sdk.CreateMeterProviderBuilder().AddMeter(StressTestTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            result = await Runs.RunAsync(probe.Clock, typeof(TracedTargets.Journey), nameof(TracedTargets.Journey.Run));
        }

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var latency = Points(metrics, "stresstest.invocation.duration");
        var ok = Assert.ContainsSingle(latency);
        Assert.AreEqual(10, ok.GetHistogramCount());
        Assert.AreEqual(0.1, ok.GetHistogramSum(), 1e-6, "ten invocations of exactly 10 ms, in seconds");
        Assert.AreEqual("ok", Tag(ok, "stresstest.outcome"));
        Assert.AreEqual(10, Assert.ContainsSingle(Points(metrics, "stresstest.invocations")).GetSumLong());

        var endpoints = Points(metrics, "stresstest.http.request.duration");
        Assert.AreSequenceEqual(new[] { "GET /orders", "GET /orders/{id}" }, endpoints.Select(p => (string)Tag(p, "stresstest.endpoint")!).Order().ToArray());
        Assert.IsTrue(endpoints.All(p => p.GetHistogramCount() == 10 && (int)Tag(p, "http.response.status_code")! == 200));
        var steps = Points(metrics, "stresstest.step.duration");
        Assert.AreSequenceEqual(new[] { ("get", 0.06), ("list", 0.04) }, steps.Select(p => ((string)Tag(p, "stresstest.step")!, Math.Round(p.GetHistogramSum(), 6))).Order().ToArray());
    }

    [TestMethod]
    public void Instruments_NothingListens_AreDisabled()
    {
        // The hot path's whole cost when nobody listens is this check.
        Assert.IsFalse(StressInstruments.InvocationDuration.Enabled);
        Assert.IsFalse(StressInstruments.RequestDuration.Enabled);
        Assert.IsFalse(StressInstruments.Source.HasListeners());
    }

    /// <summary>The points of the last export of a metric (every export after the flush repeats cumulative values).</summary>
    private static List<MetricPoint> Points(List<MetricSnapshot> metrics, string name) =>
        metrics.Last(m => m.Name == name).MetricPoints.Where(p => Tag(p, StressTestTelemetry.TestKey) as string == Test).ToList();

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Reports;

/// <summary>A fixed HTTP run for the reports: two endpoints, two steps, a soft check and a failed assertion, and errors
/// with their categories and times. Every number is known.</summary>
internal static class DetailFixtures
{
    /// <summary>10 invocations over 2 s; 2 with a failed check; <c>GET /orders/{id}</c> 4 requests (3×200, 1×500),
    /// <c>GET /orders</c> 1 request without a response; steps "get" and "list"; a step threshold on a step that never
    /// ran.</summary>
    public static StressRunResult Run()
    {
        var plan = Plans.Build(typeof(ReportFixtures.Target), nameof(ReportFixtures.Target.Run));
        var errors = new List<ErrorSummary>
        {
            new("HTTP 500", 1, "GET /orders/{id} answered 500 (InternalServerError), which the test does not accept.")
            {
                Category = ErrorCategories.Http,
                FirstAt = TimeSpan.FromMilliseconds(1_250),
                LastAt = TimeSpan.FromMilliseconds(1_250),
            },
            new("connection refused", 1, "Connection refused (127.0.0.1:5080)")
            {
                Category = ErrorCategories.ConnectionRefused,
                FirstAt = TimeSpan.FromMilliseconds(300),
                LastAt = TimeSpan.FromMilliseconds(1_900),
            },
        };
        var measurements = new RunMeasurements(Histogram(Enumerable.Repeat(20L, 10).ToArray()), [], errors, TimeSpan.FromSeconds(2), 0, false, [])
        {
            Endpoints =
            [
                new EndpointMeasurement("GET /orders/{id}", Histogram(5, 6, 7, 8), 1, [new(200, 3), new(500, 1)], 2_048, 0),
                new EndpointMeasurement("GET /orders", Histogram(9), 1, [new(0, 1)], 0, 64),
            ],
            Steps =
            [
                new StepMeasurement("get", Histogram(10, 12), 0),
                new StepMeasurement("list", Histogram(30), 1),
            ],
            Checks =
            [
                new CheckMeasurement("status is 200", 8, 2, IsAssertion: false),
                new CheckMeasurement("Assert.AreEqual failed. Expected:<3>. Actual:<2>.", 0, 1, IsAssertion: true),
            ],
            FailedCheckInvocations = 2,
        };
        var thresholds = new[] { Parse("p95 < 100ms", "get"), Parse("p95 < 100ms", "pay") };
        return new StressRunResult(plan, "http-run", ReportFixtures.StartedAt, measurements, Verdict.Compose(RunOutcome.Failed, ThresholdEvaluator.Evaluate(thresholds, measurements), [], [], measurements, plan.Load.Duration), TimeSpan.FromSeconds(2));
    }

    public static LongHistogram Histogram(params long[] milliseconds)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var ms in milliseconds)
        {
            histogram.RecordValue(ms * 1000);
        }

        return histogram;
    }

    private static Threshold Parse(string expression, string step)
    {
        var parsed = ThresholdParser.Parse(expression, step);
        Assert.IsTrue(parsed.IsSuccess, parsed.Error);
        return parsed.Value;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;
using StressTest.Tests.TestSupport;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Reports;

/// <summary>
/// Open-model reports of any length, built the way a run builds them (interval telemetry through the
/// <see cref="RunAggregator"/>, then <see cref="ReportBuilder"/>), with endpoints, steps, checks and errors whose
/// names and messages are hostile markup. Deterministic: latencies come from a fixed-seed generator.
/// </summary>
internal static class ReportSamples
{
    public const string Script = "<script>alert(1)</script>";

    public static readonly DateTimeOffset LoadStartedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A run of <paramref name="seconds"/> seconds at 100/s with a latency spike every 60 s, 3 % errors, a
    /// few dropped arrivals; <paramref name="endpoints"/> endpoints (the first named by <see cref="Script"/>), as many
    /// steps and checks, and <paramref name="errorKinds"/> error kinds with 500-character messages.</summary>
    public static (StressRunResult Result, StressReport Report) Open(int seconds, int endpoints = 3, int errorKinds = 3)
    {
        var plan = Plans.Build(typeof(Target), nameof(Target.Run));
        var random = new Random(42);
        var aggregator = new RunAggregator();
        for (var second = 0; second < seconds; second++)
        {
            var latency = LatencyHistograms.Create();
            for (var i = 0; i < 100; i++)
            {
                var spike = second % 60 == 30 ? 20 : 1;
                latency.RecordValue((long)((2_000 + (random.NextDouble() * random.NextDouble() * 40_000)) * spike));
            }

            var encoded = HistogramCodec.Encode(latency);
            var errors = Enumerable.Range(0, second % 10 == 0 ? errorKinds : 1)
                .Select(k => new ErrorCount(k == 0 ? "System.InvalidOperationException" : $"HTTP {500 + k}", 3, Message(k))
                {
                    Category = k == 0 ? ErrorCategories.Exception : ErrorCategories.Http,
                    FirstAt = TimeSpan.FromSeconds(second + 0.25),
                    LastAt = TimeSpan.FromSeconds(second + 0.75),
                })
                .ToList();
            aggregator.Apply(new IntervalTelemetry(second, TimeSpan.FromSeconds(second), TimeSpan.FromSeconds(second + 1), encoded, errors)
            {
                ServiceTime = encoded,
                Target = 100,
                InFlight = 3 + (second % 5),
                Dropped = second % 7 == 0 ? 2 : 0,
                Endpoints = Enumerable.Range(0, endpoints).Select(e => new EndpointInterval(e == 0 ? Script : $"GET /items/{{id}}/part{e}", encoded, 1, [new StatusCount(200, 99), new StatusCount(503, 1)], 12_345, 678)).ToList(),
                Steps = Enumerable.Range(0, endpoints).Select(e => new StepInterval(e == 0 ? "<img src=x onerror=alert(2)>" : $"step {e}", encoded, 1)).ToList(),
                Checks = Enumerable.Range(0, endpoints).Select(e => new CheckInterval(e == 0 ? "a | b `c` <b>bold</b>\nnext" : $"check {e}", 99, 1, IsAssertion: false)).ToList(),
                FailedCheckInvocations = 1,
            });
        }

        aggregator.Apply(new AgentCompleted(TimeSpan.FromSeconds(seconds), 0, false, []));
        var measurements = aggregator.Complete();
        var thresholds = ThresholdEvaluator.Evaluate(plan.Thresholds, measurements);
        var result = new StressRunResult(plan, "sample-run", LoadStartedAt, measurements, Verdict.Compose(RunOutcome.Failed, thresholds, [], [], measurements, plan.Load.Duration), TimeSpan.FromSeconds(seconds))
        {
            LoadStartedAt = LoadStartedAt,
        };
        return (result, ReportBuilder.Build(result));
    }

    /// <summary>Every value of the report's whole-run histogram, for comparisons.</summary>
    public static HistogramBase Latency(StressReport report) => report.Latency ?? throw new InvalidOperationException("no histogram");

    private static string Message(int kind) =>
        (kind == 0 ? Script + " & \"quoted\" | piped `code`\r\nsecond line " : $"server said 50{kind} ") + new string('x', 440);

    public static class Target
    {
        [StressTest(Rate = 100, Duration = "10m", WarmUp = "1s", MaxConcurrency = 8, DisplayName = "Open <b>sample</b>")]
        [Threshold("p95 < 30ms")]
        [Threshold("error_rate < 1%")]
        public static void Run()
        {
        }
    }
}

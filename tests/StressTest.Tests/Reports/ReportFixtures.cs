// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;
using StressTest.Tests.TestSupport;
using StressTest.Transport;

namespace StressTest.Tests.Reports;

/// <summary>Fixed run results for the exporters: every number is known, nothing depends on a clock.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset StartedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>100 invocations of 1..100 ms over 2 s, 5 timeouts, two one-second intervals, one teardown problem.</summary>
    public static StressRunResult Measured()
    {
        var plan = Plans.Build(typeof(Target), nameof(Target.Run));
        var total = LatencyHistograms.Create();
        var first = LatencyHistograms.Create();
        var second = LatencyHistograms.Create();
        for (long ms = 1; ms <= 100; ms++)
        {
            total.RecordValue(ms * 1000);
            (ms <= 40 ? first : second).RecordValue(ms * 1000);
        }

        var series = new List<SecondSample>
        {
            new(0, 0, 1, 40, 0, LatencySummary.From(first)),
            new(1, 1, 2, 60, 5, LatencySummary.From(second)),
        };
        var errors = new List<ErrorSummary> { new("timeout", 5, "An invocation ran longer than Timeout (2000 ms) and was cancelled.") };
        var measurements = new RunMeasurements(total, series, errors, TimeSpan.FromSeconds(2), 0, false, []);
        var thresholds = ThresholdEvaluator.Evaluate(plan.Thresholds, measurements);
        return new StressRunResult(plan, "fixed-run", StartedAt, measurements, Verdict.Compose(RunOutcome.Failed, thresholds, ["[StressTeardown] Target.Teardown threw System.Exception: nope"], [], measurements, plan.Load.Duration), TimeSpan.FromSeconds(2.5));
    }

    /// <summary>A run in which nothing completed: every latency statistic is NaN.</summary>
    public static StressRunResult Unmeasured()
    {
        var plan = Plans.Build(typeof(Target), nameof(Target.Run));
        var series = new List<SecondSample> { new(0, 0, 1, 0, 0, LatencySummary.Empty) };
        var measurements = new RunMeasurements(LatencyHistograms.Create(), series, [], TimeSpan.FromSeconds(1), 0, false, []);
        var thresholds = ThresholdEvaluator.Evaluate(plan.Thresholds, measurements);
        return new StressRunResult(plan, "empty-run", StartedAt, measurements, Verdict.Compose(RunOutcome.Failed, thresholds, [], [], measurements, plan.Load.Duration), TimeSpan.FromSeconds(1));
    }

    /// <summary>A run whose setup failed: no measurements at all.</summary>
    public static StressRunResult NoLoad()
    {
        var plan = Plans.Build(typeof(Target), nameof(Target.Run));
        return new StressRunResult(plan, "no-load", StartedAt, null, Verdict.Compose(RunOutcome.Failed, [], ["[StressSetup] Target.Setup threw System.Exception: down"], [], null, plan.Load.Duration), TimeSpan.Zero);
    }

    public static StressReport Report(StressRunResult result) => ReportBuilder.Build(result);

    public static class Target
    {
        [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 4, Timeout = "2s", DisplayName = "Fixed report")]
        [Threshold("p99.9 < 50ms")]
        [Threshold("error_rate < 10%")]
        public static void Run()
        {
        }
    }
}

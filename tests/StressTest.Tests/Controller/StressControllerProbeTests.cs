// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>Probes through the real controller and agent on a fake clock: each invocation takes 10 ms, a run 3 s, so
/// three seconds are sampled; the probe reports the number of its call as <c>waits</c>. The three tests share one
/// target class (and so its clock): not in parallel with each other.</summary>
[TestClass]
[DoNotParallelize]
public sealed class StressControllerProbeTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task RunAsync_ProbeThresholdHolds_SeriesAndReportCarryTheValues()
    {
        var probe = Targets.Probed.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Probed), nameof(Targets.Probed.Holds));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var series = Assert.ContainsSingle(result.Measurements!.Probes);
        Assert.AreEqual(("waits", 3, 2.0), (series.Name, series.Points.Count, series.Max));
        var threshold = result.Thresholds.Single(t => t.Threshold.Metric.Kind == MetricKind.Probe);
        Assert.AreEqual("probe:waits max = 2, expected < 5", threshold.Describe());
        Assert.IsTrue(Targets.Probed.Disposed, "a disposable probe is disposed after the run");

        var json = JsonSerializer.Serialize(ReportBuilder.Build(result));
        Assert.Contains("\"probes\":[{\"name\":\"waits\",\"samples\":3,\"min\":0,\"max\":2,\"mean\":1,\"last\":2}]", json);
        Assert.Contains("\"probes\":{\"waits\":1}", json, "second 1's value in the series");
    }

    [TestMethod]
    public async Task RunAsync_ProbeThresholdExceeded_FailsWithTheMeasuredValue()
    {
        var probe = Targets.Probed.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Probed), nameof(Targets.Probed.Exceeds));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual("probe:waits max = 2, expected < 1", result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_ThresholdNamesUnknownProbe_FailsBeforeAnyLoad()
    {
        var probe = Targets.Probed.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Probed), nameof(Targets.Probed.Typo));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements, "no load ran");
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual("[Threshold(\"probe:wiats max < 5\")]: unknown probe \"wiats\"; the registered probes report \"waits\".", Assert.ContainsSingle(result.Problems));
    }

    public static class Targets
    {
        public static class Probed
        {
            private static TargetProbe _probe = new();

            public static bool Disposed { get; private set; }

            internal static TargetProbe Reset()
            {
                Disposed = false;
                return _probe = new TargetProbe();
            }

            [StressSetup]
            public static void Setup(StressSetupContext setup) => setup.AddProbe(new CallCountProbe());

            [StressTest(Duration = "3s")]
            [Threshold("probe:waits max < 5")]
            public static void Holds(StressContext context) => Invoke(context);

            [StressTest(Duration = "3s")]
            [Threshold("probe:waits max < 1")]
            public static void Exceeds(StressContext context) => Invoke(context);

            [StressTest(Duration = "3s")]
            [Threshold("probe:wiats max < 5")]
            public static void Typo(StressContext context) => Invoke(context);

            private static void Invoke(StressContext context)
            {
                _probe.Hit();
                _probe.Clock.Step(context, TenMs);
            }

            private sealed class CallCountProbe : IStressProbe, IDisposable
            {
                private int _calls;

                public IReadOnlyCollection<string> Metrics { get; } = ["waits"];

                public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken) =>
                    ValueTask.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double> { ["waits"] = _calls++ });

                public void Dispose() => Disposed = true;
            }
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Monitoring.Generator;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;
using StressTest.Reports.Html;
using StressTest.Reports.Markdown;
using StressTest.Tests.TestSupport;
using StressTest.Workers;

namespace StressTest.Tests.Monitoring.Generator;

/// <summary>
/// The saturation verdict on real runs, on the real clock: a CPU-bound method at high concurrency (demanding about
/// four cores of this two-core machine) saturates the generator and gets the warning; a light run does not. Not in
/// parallel with other tests, whose CPU would count as this process's.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SaturationRunTests
{
    [TestMethod]
    public async Task RunAsync_CpuBoundAtHighConcurrency_WarnsThatTheGeneratorWasSaturated()
    {
        var result = await RunAsync(nameof(Targets.Spin));

        var verdict = result.Measurements!.Generator;
        Assert.IsTrue(verdict.Saturated, Describe(result));
        // The generator's own fault, unless other processes held the cores it asked for (this machine is shared with
        // builds and the suite's other test projects): then the machine is named, never a silent pass.
        Assert.IsTrue(verdict.Windows.All(w => w.Cause == SaturationCause.Generator || w.Reasons.Any(r => r.StartsWith(ContentionRule.Prefix, StringComparison.Ordinal))), verdict.Warning);
        Assert.IsTrue(verdict.Warning!.StartsWith("Warning: the load generator ", StringComparison.Ordinal) || verdict.Warning.StartsWith("Warning: the machine was busy with other work ", StringComparison.Ordinal), verdict.Warning);
        Assert.Contains(verdict.Warning!, result.Warnings);
        var report = ReportBuilder.Build(result);
        Assert.IsTrue(report.Generator!.Saturated);
        Assert.Contains("class=\"warnings\"", HtmlDocument.Render(report));
        Assert.Contains("> ⚠️ Warning: the ", MarkdownReportExporter.Render(report));
    }

    [TestMethod]
    public async Task RunAsync_LightLoad_NoWarning()
    {
        var result = await RunAsync(nameof(Targets.Light));

        var verdict = result.Measurements!.Generator;
        Assert.IsTrue(verdict.Sampled);
        Assert.IsFalse(verdict.Saturated, Describe(result));
        Assert.IsEmpty(result.Warnings);
        Assert.IsTrue(result.Measurements.Series.All(s => s.Health is { CpuCores: >= 0, WorkingSetMb: > 0 }));
    }

    [TestMethod]
    public async Task RunAsync_ApiSlowWithTheGeneratorIdle_FailsOnTheApisNumbersWithoutBlamingTheGenerator()
    {
        var result = await RunAsync(nameof(Targets.SlowApi));

        var verdict = result.Measurements!.Generator;
        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.Contains("p95 = ", result.Verdict.Message);
        Assert.DoesNotContain("Warning: the load generator", result.Verdict.Message, Describe(result));
        Assert.IsTrue(verdict.Windows.All(w => w.Cause == SaturationCause.Machine), Describe(result));
        if (verdict.Saturated)
        {
            // This machine is shared: builds next door can make the pacer late, and the verdict says whose fault it was.
            Assert.Contains("Warning: the machine was busy with other work", result.Verdict.Message);
        }
        else
        {
            Assert.Contains("The load generator kept up throughout (CPU at most ", result.Verdict.Message);
            Assert.EndsWith("these numbers describe the API.", result.Verdict.Message);
            Assert.AreEqual(verdict.KeptUpNote, ReportBuilder.Build(result).Generator!.KeptUp);
        }
    }

    private static Task<StressRunResult> RunAsync(string method) =>
        new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System))
            .RunAsync(Plans.Build(typeof(Targets), method), "saturation", CancellationToken.None)
            .WaitAsync(TestClock.Guard);

    private static string Describe(StressRunResult result) =>
        string.Join(Environment.NewLine, result.Measurements!.Series.Select(s => $"{s.Index}: {s.Health}"));

    public static class Targets
    {
        /// <summary>2 ms of CPU per invocation, 2,000 arrivals a second, up to 16 in flight: about four cores' worth.</summary>
        [StressTest(Rate = 2000, MaxConcurrency = 16, Duration = "3s")]
        [Threshold("dropped_rate <= 100%")]
        public static void Spin()
        {
            var time = TimeProvider.System;
            var start = time.GetTimestamp();
            while (time.GetElapsedTime(start) < TimeSpan.FromMilliseconds(2))
            {
                // Busy on purpose: the method is CPU-bound.
            }
        }

        /// <summary>An API that answers in 100 ms, asked 100 times a second with room for 5 in flight: it cannot keep up,
        /// while the generator has nothing to do.</summary>
        [StressTest(Rate = 100, MaxConcurrency = 5, Duration = "2s", WarmUp = "0s")]
        [Threshold("p95 < 50ms")]
        public static Task SlowApi() => Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);

        [StressTest(Concurrency = 1, Duration = "3s")]
        public static Task Light() => Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
    }
}

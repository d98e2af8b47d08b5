// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Evaluation;
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
        Assert.StartsWith("Warning: the load generator was saturated from ", verdict.Warning!);
        Assert.Contains(verdict.Warning!, result.Warnings);
        var report = ReportBuilder.Build(result);
        Assert.IsTrue(report.Generator!.Saturated);
        Assert.Contains("class=\"warnings\"", HtmlDocument.Render(report));
        Assert.Contains("> ⚠️ Warning: the load generator was saturated", MarkdownReportExporter.Render(report));
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

        [StressTest(Concurrency = 1, Duration = "3s")]
        public static Task Light() => Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
    }
}

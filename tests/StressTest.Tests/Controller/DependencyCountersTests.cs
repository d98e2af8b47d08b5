// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Runner;
using StressTest.Tests.Reports;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>StressSetupContext.ReportDependency: a dependency's counters, read after the load and before teardown,
/// end up in the result, the JSON report and the summary.</summary>
[TestClass]
public sealed class DependencyCountersTests
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task RunAsync_SetupReportsADependency_CountersReadBeforeTeardownInItsOrder()
    {
        var probe = Targets.ReportsGateway.Probe = new TargetProbe();
        Targets.ReportsGateway.Served = 0;

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.ReportsGateway), nameof(Targets.ReportsGateway.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, string.Join("; ", result.Problems));
        var gateway = Assert.ContainsSingle(result.Dependencies);
        Assert.AreEqual("payment-gateway", gateway.Name);
        CollectionAssert.AreEqual(new[] { "POST /v1/charges 201", "POST /v1/charges 503" }, gateway.Counters.Select(c => c.Key).ToArray());
        Assert.AreEqual(100, gateway.Counters[0].Value, "read before teardown, which resets the count");
        Assert.AreEqual(0, Targets.ReportsGateway.Served);
    }

    [TestMethod]
    public async Task RunAsync_ReadingThrows_FailsNamingTheDependency()
    {
        var probe = Targets.ReportThrows.Probe = new TargetProbe();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.ReportThrows), nameof(Targets.ReportThrows.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsEmpty(result.Dependencies);
        Assert.AreEqual("Reading the counters of dependency \"broken\" (StressSetupContext.ReportDependency) threw System.InvalidOperationException: gone", Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task Report_Dependencies_InTheJsonAndTheSummary()
    {
        var result = ReportFixtures.Measured() with { Dependencies = [new DependencyCounters("payment-gateway", [KeyValuePair.Create("POST /v1/charges 201", 970L), KeyValuePair.Create("POST /v1/charges timeout", 5L)])] };

        using var stream = new MemoryStream();
        await new JsonReportExporter().ExportAsync(ReportFixtures.Report(result), stream, CancellationToken.None);
        using var json = JsonDocument.Parse(stream.ToArray());
        var dependency = json.RootElement.GetProperty("dependencies").EnumerateArray().Single();

        Assert.AreEqual("payment-gateway", dependency.GetProperty("name").GetString());
        CollectionAssert.AreEqual(
            new[] { ("POST /v1/charges 201", 970L), ("POST /v1/charges timeout", 5L) },
            dependency.GetProperty("counters").EnumerateObject().Select(c => (c.Name, c.Value.GetInt64())).ToArray());
        Assert.Contains("  dependency payment-gateway: POST /v1/charges 201 ×970, POST /v1/charges timeout ×5", ResultText.Summary(result));
    }

    [TestMethod]
    public void Report_NoDependencies_EmptyArray()
    {
        var report = ReportFixtures.Report(ReportFixtures.Measured());

        Assert.IsEmpty(report.Dependencies);
    }

    public static class Targets
    {
        public static class ReportsGateway
        {
            public static TargetProbe Probe { get; set; } = new();

            public static long Served { get; set; }

            [StressSetup]
            public static void Setup(StressSetupContext setup) =>
                setup.ReportDependency("payment-gateway", () => new Dictionary<string, long> { ["POST /v1/charges 201"] = Served, ["POST /v1/charges 503"] = 0 });

            [StressTeardown]
            public static void Teardown() => Served = 0;

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context)
            {
                Served++;
                Probe.Clock.Step(context, TenMs);
            }
        }

        public static class ReportThrows
        {
            public static TargetProbe Probe { get; set; } = new();

            [StressSetup]
            public static void Setup(StressSetupContext setup) =>
                setup.ReportDependency("broken", () => throw new InvalidOperationException("gone"));

            [StressTest(Duration = "1s")]
            public static void Run(StressContext context) => Probe.Clock.Step(context, TenMs);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Sockets;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Monitoring.Api;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Reports;
using StressTest.Reports.Charts;
using StressTest.Tests.TestSupport;
using StressTest.Workers;

namespace StressTest.Tests.Monitoring.Api;

/// <summary>
/// The API's process: found by id or name (a bad one fails before any load), sampled every second with the .NET
/// runtime's counters read over EventPipe, and recognised when it is the test process itself. The sampled process
/// is this one (a .NET process with a diagnostic port, like any API), on the real clock; not in parallel, so its
/// CPU is the run's own.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ApiProcessTests
{
    [TestMethod]
    public async Task RunAsync_TargetProcessId_SamplesCpuMemoryAndRuntimeCountersEverySecond()
    {
        var settings = StressSettings.Default with { Observability = ObservabilitySettings.Default with { TargetProcessId = Environment.ProcessId } };
        var plan = Plans.Build(typeof(Targets), nameof(Targets.Allocate), settings);

        var result = await new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System)).RunAsync(plan, "target", CancellationToken.None).WaitAsync(TestClock.Guard);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(new ApiInfo(Environment.ProcessId, result.Api.ProcessName, InTestProcess: true, DotNet: true), result.Api);
        var probes = result.Measurements!.Probes.ToDictionary(p => p.Name);
        Assert.AreEqual(3, probes["api_cpu_cores"].Points.Count, "one sample per measured second");
        Assert.IsGreaterThan(0.0, probes["api_working_set_mb"].Max);
        Assert.IsGreaterThan(0.0, probes["api_threads"].Max);
        Assert.IsTrue(probes.ContainsKey("api_gc_heap_mb") && probes["api_gc_heap_mb"].Max > 0, "runtime counters over EventPipe: " + string.Join(", ", probes.Keys));
        Assert.IsTrue(probes.ContainsKey("api_threadpool_threads"), string.Join(", ", probes.Keys));
        var charts = ReportCharts.Build(ReportBuilder.Build(result)).Select(c => c.Id).ToList();
        Assert.AreEqual(charts.IndexOf("latency") + 1, charts.IndexOf("api-cpu"), "the API's CPU right beside the latency: " + string.Join(", ", charts));
    }

    [TestMethod]
    public void Resolve_NoSuchProcess_ProblemsNameTheSetting()
    {
        var (byId, idProblem) = ApiProcess.Resolve(ObservabilitySettings.Default with { TargetProcessId = int.MaxValue });
        var (byName, nameProblem) = ApiProcess.Resolve(ObservabilitySettings.Default with { TargetProcessName = "no-such-api-" + Guid.NewGuid().ToString("N") });

        Assert.IsNull(byId);
        Assert.AreEqual($"Setting StressTest.TargetProcessId = {int.MaxValue}: no process with that id is running.", idProblem);
        Assert.IsNull(byName);
        Assert.EndsWith(": no process of that name is running.", nameProblem!);
    }

    [TestMethod]
    public void Resolve_NothingConfigured_NoProcessNoProblem()
    {
        Assert.AreEqual((null, null), ApiProcess.Resolve(ObservabilitySettings.Default));
    }

    [TestMethod]
    public void ListensOn_SocketOfThisProcess_TrueElseFalse()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("Listening sockets are read from /proc on Linux only.");
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.IsTrue(EmbeddedHost.ListensOn(port));
        listener.Stop();
        Assert.IsFalse(EmbeddedHost.ListensOn(port));
    }

    public static class Targets
    {
        [StressTest(Concurrency = 2, Duration = "3s")]
        public static async Task Allocate()
        {
            GC.KeepAlive(new byte[16 * 1024]);
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }
    }
}

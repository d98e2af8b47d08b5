// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Monitoring.Generator;

namespace StressTest.Reports.Charts;

/// <summary>
/// The charts of what ran beside the load, drawn after the latency charts on the same time axis: the generator's
/// health (<c>series[].generator</c>) and the probes (<c>series[].probes</c>). Each line is named after its JSON path (<c>generator.cpuCores</c>), as the
/// load's lines are named after their fields.
/// </summary>
internal static class ResourceCharts
{
    /// <summary>The API process's values (<c>api_…</c>, from <c>TargetProcessId</c>/<c>TargetProcessName</c>) drawn together.</summary>
    private static readonly (string Id, string Title, string Unit, string[] Values)[] ApiGroups =
    [
        ("api-cpu", "API CPU", "cores", ["api_cpu_cores"]),
        ("api-memory", "API memory", "MB", ["api_working_set_mb", "api_gc_heap_mb"]),
        ("api-threads", "API threads and thread pool", "threads, work items", ["api_threads", "api_threadpool_threads", "api_threadpool_queue"]),
        ("api-gc", "API GC", "% of time, collections/s", ["api_time_in_gc_percent", "api_gc_collections"]),
    ];

    public static void Add(List<ChartSpec> charts, StressReport report, ChartAxis seconds)
    {
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(report);
        AddApi(charts, report, seconds);
        foreach (var probe in report.Probes.Where(p => !ApiGroups.Any(g => g.Values.Contains(p.Name))))
        {
            charts.Add(new ChartSpec("probe-" + probe.Name, "Probe " + probe.Name, string.Empty, seconds, [Line(report, "probes." + probe.Name, s => s.Probes?.TryGetValue(probe.Name, out var v) == true ? v : null)])
            {
                Guides = [.. report.Thresholds.Where(t => t.Metric.StartsWith("probe:" + probe.Name + " ", StringComparison.Ordinal)).Select(t => new ChartGuide(t.Source, t.Limit))],
            });
        }

        if (report.Generator is not { } generator)
        {
            return;
        }

        var embedded = report.Api?.InTestProcess == true ? ", the API hosted in it included" : string.Empty;
        List<ChartSeries> cpu = [Line(report, "generator.cpuCores", s => s.Generator?.CpuCores)];
        if (report.Series.Any(s => s.Generator?.MachineCpuCores is not null))
        {
            cpu.Add(Line(report, "generator.machineCpuCores", s => s.Generator?.MachineCpuCores));
        }

        charts.Add(new ChartSpec("generator", $"Generator CPU (test process{embedded}) and the whole machine's", "cores", seconds, cpu)
        {
            Guides = [new ChartGuide($"saturated at {SaturationRules.CpuShare * generator.Cores:0.#} of {generator.Cores} cores", SaturationRules.CpuShare * generator.Cores)],
        });
        charts.Add(new ChartSpec("generator-threadpool", "Generator thread pool", "threads, work items", seconds,
        [
            Line(report, "generator.threadPoolThreads", s => s.Generator?.ThreadPoolThreads),
            Line(report, "generator.threadPoolQueue", s => s.Generator?.ThreadPoolQueue),
        ]));
        charts.Add(new ChartSpec("generator-jit", "Generator JIT (warming while above the line)", "ms of JIT a second, methods compiled", seconds,
        [
            Line(report, "generator.jitMs", s => s.Generator?.JitMs),
            Line(report, "generator.jitMethods", s => s.Generator?.JitMethods),
        ])
        {
            Guides = [new ChartGuide($"warming from {WarmingRule.JitShare * 1000:0} ms", WarmingRule.JitShare * 1000)],
        });
        if (report.LatencyMeasuredFrom == "intendedStart")
        {
            charts.Add(new ChartSpec("generator-lateness", "Generator start lateness p99", "ms", seconds, [Line(report, "generator.latenessP99Ms", s => s.Generator?.LatenessP99Ms)])
            {
                Guides = [new ChartGuide($"saturated above {SaturationRules.LatenessP99Ms} ms", SaturationRules.LatenessP99Ms)],
            });
        }
    }

    /// <summary>The API's resources right after the latency over time, so the two are read side by side.</summary>
    private static void AddApi(List<ChartSpec> charts, StressReport report, ChartAxis seconds)
    {
        var at = charts.FindIndex(c => c.Id == "latency") + 1;
        var process = report.Api?.ProcessId is { } pid ? $" (process {pid})" : string.Empty;
        foreach (var (id, title, unit, values) in ApiGroups)
        {
            var lines = values.Where(v => report.Probes.Any(p => p.Name == v))
                .Select(v => Line(report, "probes." + v, s => s.Probes?.TryGetValue(v, out var value) == true ? value : null))
                .ToList();
            if (lines.Count > 0)
            {
                charts.Insert(at++, new ChartSpec(id, title + process, unit, seconds, lines));
            }
        }
    }

    /// <summary>Each second at its middle, as the load's lines.</summary>
    public static ChartSeries Line(StressReport report, string name, Func<ReportSecond, double?> value) =>
        new(name, report.Series.Select(s => new ChartPoint((s.Start + s.End) / 2, value(s) ?? double.NaN)).ToList());
}

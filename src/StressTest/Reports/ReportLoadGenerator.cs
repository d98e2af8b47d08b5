// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json.Serialization;
using StressTest.Monitoring.Generator;
using StressTest.Transport.Contracts;

namespace StressTest.Reports;

/// <summary>The verdict on the load generator: whether it limited the run, when and why (docs/observability.md, "Generator
/// health"); null in the report when its health was not sampled.</summary>
internal sealed record ReportLoadGenerator(
    [property: JsonPropertyName("saturated")] bool Saturated,
    [property: JsonPropertyName("saturatedSeconds")] int SaturatedSeconds,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("windows")] IReadOnlyList<ReportSaturationWindow> Windows,
    [property: JsonPropertyName("warning")] string? Warning)
{
    /// <summary>When no window formed: how idle the generator stayed, so a failure's numbers are the API's.</summary>
    [JsonPropertyName("keptUp")]
    public string? KeptUp { get; init; }

    public static ReportLoadGenerator? From(GeneratorVerdict verdict) => verdict.Sampled
        ? new(verdict.Saturated, verdict.SaturatedSeconds, Environment.ProcessorCount, [.. verdict.Windows.Select(ReportSaturationWindow.Of)], verdict.Warning) { KeptUp = verdict.KeptUpNote }
        : null;
}

/// <summary>A stretch of the measured window (seconds into it) in which the generator was saturated.</summary>
internal sealed record ReportSaturationWindow(
    [property: JsonPropertyName("from")] double From,
    [property: JsonPropertyName("to")] double To,
    [property: JsonPropertyName("saturatedSeconds")] int SaturatedSeconds,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
{
    /// <summary><c>generator</c> (short of CPU, threads or warmth) or <c>machine</c> (busy with other work).</summary>
    [JsonPropertyName("cause")]
    public string Cause { get; init; } = "generator";

    /// <summary>The highest start lateness p99 of a second in the window, ms; null without a schedule.</summary>
    [JsonPropertyName("maxLatenessP99Ms")]
    public double? MaxLatenessP99Ms { get; init; }

    public static ReportSaturationWindow Of(SaturationWindow w) => new(w.FromSeconds, w.ToSeconds, w.SaturatedSeconds, w.Reasons)
    {
        Cause = w.Cause.ToString().ToLowerInvariant(),
        MaxLatenessP99Ms = w.MaxLatenessP99Ms,
    };
}

/// <summary>One second of the generator's health (<c>series[].generator</c>).</summary>
internal sealed record ReportHealth(
    [property: JsonPropertyName("cpuCores")] double CpuCores,
    [property: JsonPropertyName("workingSetMb")] double WorkingSetMb,
    [property: JsonPropertyName("gcCollections")] long GcCollections,
    [property: JsonPropertyName("gcPauseMs")] double GcPauseMs,
    [property: JsonPropertyName("allocatedMbPerSecond")] double AllocatedMbPerSecond,
    [property: JsonPropertyName("threadPoolThreads")] int ThreadPoolThreads,
    [property: JsonPropertyName("threadPoolQueue")] long ThreadPoolQueue,
    [property: JsonPropertyName("lockContentions")] long LockContentions,
    [property: JsonPropertyName("latenessP99Ms")] double? LatenessP99Ms)
{
    /// <summary>Methods the JIT compiled in the second.</summary>
    [JsonPropertyName("jitMethods")]
    public long JitMethods { get; init; }

    /// <summary>Milliseconds of JIT compilation in the second, over all threads.</summary>
    [JsonPropertyName("jitMs")]
    public double JitMs { get; init; }

    /// <summary>The whole machine's busy cores in the second; null where unknown.</summary>
    [JsonPropertyName("machineCpuCores")]
    public double? MachineCpuCores { get; init; }

    /// <summary>The busiest other processes when other work used a noticeable share of the machine.</summary>
    [JsonPropertyName("busiestOthers")]
    public IReadOnlyList<string> BusiestOthers { get; init; } = [];

    public static ReportHealth? From(GeneratorHealth? h) => h is null
        ? null
        : new(h.CpuCores, h.WorkingSetMb, h.GcCollections, h.GcPauseMs, h.AllocatedMbPerSecond, h.ThreadPoolThreads, h.ThreadPoolQueue, h.LockContentions, h.LatenessP99Ms is { } l ? Math.Round(l, 4) : null)
        {
            JitMethods = h.JitMethods,
            JitMs = h.JitMs,
            MachineCpuCores = h.MachineCpuCores,
            BusiestOthers = h.BusiestOthers,
        };
}

/// <summary>The measured window in UTC, for an APM query of the run (with <c>runId</c>): within the milliseconds the
/// agent takes to start its workers.</summary>
internal sealed record ReportWindow(
    [property: JsonPropertyName("from")] DateTimeOffset From,
    [property: JsonPropertyName("to")] DateTimeOffset To);

/// <summary>The API's process as the run knew it (docs/observability.md, "The API's resources"): configured by TargetProcessId/Name,
/// or found listening inside the test process; null fields when unknown.</summary>
internal sealed record ReportApi(
    [property: JsonPropertyName("processId")] int? ProcessId,
    [property: JsonPropertyName("processName")] string? ProcessName,
    [property: JsonPropertyName("inTestProcess")] bool InTestProcess,
    [property: JsonPropertyName("dotnet")] bool DotNet);

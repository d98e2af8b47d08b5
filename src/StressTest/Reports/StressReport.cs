// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json.Serialization;
using StressTest.Plan;
using HdrHistogram;
using StressTest.Aggregation;

namespace StressTest.Reports;

/// <summary>
/// The report of one stress test, the single source every exporter reads. Its JSON form is a documented,
/// versioned schema (docs/reports.md, "JSON report"); field names are fixed. Unmeasured values (no invocation) are null.
/// </summary>
internal sealed record StressReport
{
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    [JsonPropertyName("test")] public required string Test { get; init; }
    [JsonPropertyName("displayName")] public required string DisplayName { get; init; }
    [JsonPropertyName("outcome")] public required string Outcome { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("runId")] public required string RunId { get; init; }
    [JsonPropertyName("startedAt")] public required DateTimeOffset StartedAt { get; init; }
    [JsonPropertyName("durationSeconds")] public required double DurationSeconds { get; init; }
    [JsonPropertyName("plan")] public required ReportPlan Plan { get; init; }
    [JsonPropertyName("count")] public long Count { get; init; }
    [JsonPropertyName("errors")] public long Errors { get; init; }
    [JsonPropertyName("errorRate")] public double ErrorRate { get; init; }
    [JsonPropertyName("dropped")] public long Dropped { get; init; }
    [JsonPropertyName("droppedRate")] public double DroppedRate { get; init; }
    [JsonPropertyName("stuck")] public long Stuck { get; init; }
    [JsonPropertyName("rps")] public double Rps { get; init; }
    [JsonPropertyName("latencyMeasuredFrom")] public string LatencyMeasuredFrom { get; init; } = "actualStart";
    [JsonPropertyName("latencyMs")] public required ReportLatency LatencyMs { get; init; }
    [JsonPropertyName("serviceTimeMs")] public required ReportLatency ServiceTimeMs { get; init; }
    [JsonPropertyName("startLatenessMs")] public required ReportLatency StartLatenessMs { get; init; }
    [JsonPropertyName("thresholds")] public required IReadOnlyList<ReportThreshold> Thresholds { get; init; }
    [JsonPropertyName("checksRate")] public double? ChecksRate { get; init; }
    [JsonPropertyName("errorsByType")] public required IReadOnlyList<ReportError> ErrorsByType { get; init; }
    [JsonPropertyName("endpoints")] public IReadOnlyList<ReportEndpoint> Endpoints { get; init; } = [];
    [JsonPropertyName("steps")] public IReadOnlyList<ReportStep> Steps { get; init; } = [];
    [JsonPropertyName("checks")] public IReadOnlyList<ReportCheck> Checks { get; init; } = [];
    [JsonPropertyName("series")] public required IReadOnlyList<ReportSecond> Series { get; init; }
    [JsonPropertyName("problems")] public required IReadOnlyList<string> Problems { get; init; }
    [JsonPropertyName("dependencies")] public IReadOnlyList<ReportDependency> Dependencies { get; init; } = [];
    [JsonPropertyName("environment")] public required ReportEnvironment Environment { get; init; }
    [JsonPropertyName("profile")] public string? Profile { get; init; }

    /// <summary>The whole-run latency histogram (µs) in HdrHistogram's compressed encoding, base64; in the final
    /// report only (a baseline is a kept report, and keeps the full distribution).</summary>
    [JsonPropertyName("latencyHistogram")] public string? LatencyHistogram { get; init; }

    [JsonPropertyName("window")] public ReportWindow? Window { get; init; }
    [JsonPropertyName("generator")] public ReportLoadGenerator? Generator { get; init; }
    [JsonPropertyName("warnings")] public IReadOnlyList<string> Warnings { get; init; } = [];
    [JsonPropertyName("probes")] public IReadOnlyList<ReportProbe> Probes { get; init; } = [];
    [JsonPropertyName("api")] public ReportApi? Api { get; init; }

    /// <summary>The test host writing a report that is still running, so a later run can tell one whose host died
    /// (killed, crashed) from one still running; null in a finished report.</summary>
    [JsonPropertyName("host")] public ReportHost? Host { get; init; }

    [JsonPropertyName("baseline")] public ReportBaseline? Baseline { get; init; }
    [JsonPropertyName("comparisons")] public IReadOnlyList<ReportComparison> Comparisons { get; init; } = [];

    /// <summary>The whole-run latency histogram (µs), for the HdrHistogram exporters; not part of the JSON.</summary>
    [JsonIgnore] public HistogramBase? Latency { get; init; }

    /// <summary>The whole-run service-time histogram (µs), when latency is measured from the intended start and the
    /// two differ (open model, pacing): drawn beside the latency distribution; not part of the JSON.</summary>
    [JsonIgnore] public HistogramBase? ServiceTime { get; init; }

    /// <summary>Each second's latency histogram (µs, compressed), for the interval log; not part of the JSON.</summary>
    [JsonIgnore] public IReadOnlyList<IntervalHistogram> Intervals { get; init; } = [];

    /// <summary>When the measured window started (UTC), within the milliseconds the agent takes to start its
    /// workers; null when no load ran. Anchors the interval log's timestamps; not part of the JSON.</summary>
    [JsonIgnore] public DateTimeOffset? MeasuredFrom { get; init; }
}

/// <summary>The load as it ran (after settings such as DurationScale).</summary>
internal sealed record ReportPlan(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("concurrency")] int? Concurrency,
    [property: JsonPropertyName("rate")] double? Rate,
    [property: JsonPropertyName("maxConcurrency")] int? MaxConcurrency,
    [property: JsonPropertyName("arrivals")] string? Arrivals,
    [property: JsonPropertyName("pacing")] string? Pacing,
    [property: JsonPropertyName("stages")] string? Stages,
    [property: JsonPropertyName("warmUp")] string WarmUp,
    [property: JsonPropertyName("duration")] string Duration,
    [property: JsonPropertyName("timeout")] string Timeout,
    [property: JsonPropertyName("durationScale")] double DurationScale)
{
    [JsonPropertyName("rateScale")] public double RateScale { get; init; } = 1;

    /// <summary>How long the automatic warm-up ran (<c>warmUp</c> is <c>auto</c>), s; null otherwise.</summary>
    [JsonPropertyName("warmUpSeconds")] public double? WarmUpSeconds { get; init; }

    /// <summary>How the automatic warm-up ended: <c>JIT quiet and throughput settled after 2.1 s</c>, or cut off at its
    /// limit; null otherwise.</summary>
    [JsonPropertyName("warmUpNote")] public string? WarmUpNote { get; init; }

    /// <summary>The warm-up as shown: <c>5s</c>, or <c>auto, 2.1 s</c>.</summary>
    [JsonIgnore] public string WarmUpText => LoadDescription.WarmUpText(WarmUp, WarmUpSeconds);
}

/// <summary>Latency statistics in milliseconds.</summary>
internal sealed record ReportLatency(
    [property: JsonPropertyName("min")] double? Min,
    [property: JsonPropertyName("mean")] double? Mean,
    [property: JsonPropertyName("p50")] double? P50,
    [property: JsonPropertyName("p75")] double? P75,
    [property: JsonPropertyName("p90")] double? P90,
    [property: JsonPropertyName("p95")] double? P95,
    [property: JsonPropertyName("p99")] double? P99,
    [property: JsonPropertyName("p99_9")] double? P99_9,
    [property: JsonPropertyName("max")] double? Max);

/// <summary>One threshold's result; <c>actual</c> and <c>limit</c> in the metric's unit (ms, fraction, /s, count);
/// <c>step</c> when it applies to a step, <c>problem</c> when it could not be measured.</summary>
internal sealed record ReportThreshold(
    [property: JsonPropertyName("step")] string? Step,
    [property: JsonPropertyName("problem")] string? Problem,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("limit")] double Limit,
    [property: JsonPropertyName("actual")] double? Actual,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("isDefault")] bool IsDefault)
{
    /// <summary>The measured value with its unit (<c>183.4 ms</c>, <c>2.5 %</c>), or <c>n/a</c>.</summary>
    [JsonIgnore] public string ActualText { get; init; } = string.Empty;
}

/// <summary>Errors of one kind: its category, count, first and last time (seconds into the measured window) and
/// the first message, redacted and truncated.</summary>
internal sealed record ReportError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("firstSeconds")] double FirstSeconds,
    [property: JsonPropertyName("lastSeconds")] double LastSeconds,
    [property: JsonPropertyName("firstMessage")] string FirstMessage);

/// <summary>One endpoint: latency is the time to the response headers; status codes keyed by code ("0": no response).</summary>
internal sealed record ReportEndpoint(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("statusCodes")] IReadOnlyDictionary<string, long> StatusCodes,
    [property: JsonPropertyName("latencyMs")] ReportLatency LatencyMs,
    [property: JsonPropertyName("bytesIn")] long BytesIn,
    [property: JsonPropertyName("bytesOut")] long BytesOut);

/// <summary>One step.</summary>
internal sealed record ReportStep(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("latencyMs")] ReportLatency LatencyMs);

/// <summary>One check; for a failed MSTest assertion (<c>assertion</c> true) only failures are seen, so
/// <c>passed</c> is null.</summary>
internal sealed record ReportCheck(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("passed")] long? Passed,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("assertion")] bool Assertion);

/// <summary>One second of the measured window.</summary>
internal sealed record ReportSecond(
    [property: JsonPropertyName("second")] int Second,
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("rps")] double Rps,
    [property: JsonPropertyName("target")] double Target,
    [property: JsonPropertyName("dropped")] long Dropped,
    [property: JsonPropertyName("inFlight")] int InFlight,
    [property: JsonPropertyName("p50")] double? P50,
    [property: JsonPropertyName("p90")] double? P90,
    [property: JsonPropertyName("p95")] double? P95,
    [property: JsonPropertyName("p99")] double? P99,
    [property: JsonPropertyName("max")] double? Max)
{
    // The rest of the interval's statistics, for comparisons with a baseline (Baselines/RunSeries).
    [JsonPropertyName("min")] public double? Min { get; init; }
    [JsonPropertyName("mean")] public double? Mean { get; init; }
    [JsonPropertyName("p75")] public double? P75 { get; init; }
    [JsonPropertyName("p99_9")] public double? P99_9 { get; init; }

    /// <summary>The generator's health in this second; null when not sampled.</summary>
    [JsonPropertyName("generator")] public ReportHealth? Generator { get; init; }

    /// <summary>Probe values sampled after this second, by name; null when the run has no probe.</summary>
    [JsonPropertyName("probes")] public IReadOnlyDictionary<string, double>? Probes { get; init; }
}

/// <summary>Where the numbers were measured.</summary>
internal sealed record ReportEnvironment(
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("toolVersion")] string ToolVersion)
{
    [JsonPropertyName("cpu")] public string? Cpu { get; init; }

    /// <summary>The test's and the engine's assemblies that were unoptimised (Debug) builds; empty when none was.</summary>
    [JsonPropertyName("debugAssemblies")] public IReadOnlyList<string> DebugAssemblies { get; init; } = [];
}

/// <summary>What one dependency reported: counters by name, in its order (a mock: <c>"POST /v1/charges 503": 12</c>).</summary>
internal sealed record ReportDependency(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("counters")] IReadOnlyDictionary<string, long> Counters);

/// <summary>The process writing a running report: its id and start time (ids are reused; the pair is not).</summary>
internal sealed record ReportHost(
    [property: JsonPropertyName("processId")] int ProcessId,
    [property: JsonPropertyName("processStartedAt")] DateTimeOffset ProcessStartedAt)
{
    /// <summary>This process.</summary>
    public static ReportHost Current { get; } = new(System.Environment.ProcessId, StartTime(System.Diagnostics.Process.GetCurrentProcess()) ?? DateTimeOffset.MinValue);

    /// <summary>Whether this host is still the process it was: same id, same start time.</summary>
    public bool IsAlive()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(ProcessId);
            return !process.HasExited && StartTime(process) is { } started && Math.Abs((started - ProcessStartedAt).TotalSeconds) < 1;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static DateTimeOffset? StartTime(System.Diagnostics.Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}

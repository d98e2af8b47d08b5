// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Settings;

/// <summary>
/// The settings of the run's telemetry and of what is watched besides the load: trace sampling, OTLP export and the
/// process of the API under test.
/// </summary>
internal sealed record ObservabilitySettings
{
    /// <summary>The standard variable that turns OTLP export on when the <see cref="OtlpEndpoint"/> setting is not set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static ObservabilitySettings Default { get; } = new();

    /// <summary>The share of measured invocations that are traced (a span each, with their steps and HTTP requests, and
    /// <c>traceparent</c>/<c>baggage</c> on their requests) when something listens to the <c>StressTest</c> source.</summary>
    /// <value>0 to 1; default 0.01 (1 %).</value>
    public double TraceSampleRate { get; init; } = 0.01;

    /// <summary>Where traces and metrics are exported with OTLP; wins over <see cref="OtlpEndpointVariable"/>.</summary>
    /// <value>An absolute http or https address; default none (nothing is exported).</value>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The OTLP transport: <c>grpc</c> or <c>http/protobuf</c>.</summary>
    /// <value>Default: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else grpc.</value>
    public string? OtlpProtocol { get; init; }

    /// <summary>The process id of the API under test, whose resources are sampled every second.</summary>
    /// <value>A process id; default none.</value>
    public int? TargetProcessId { get; init; }

    /// <summary>The process name of the API under test (exactly one such process must run).</summary>
    /// <value>A process name without extension; default none.</value>
    public string? TargetProcessName { get; init; }

    /// <summary>Whether the API's process is to be sampled.</summary>
    public bool HasTarget => TargetProcessId is not null || TargetProcessName is not null;

    /// <summary>Whether OTLP export is asked for, by the setting or the standard variable (valid or not).</summary>
    public bool ExportRequested => OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable));
}

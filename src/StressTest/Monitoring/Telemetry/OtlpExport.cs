// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StressTest.Plan.Settings;

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// Exports one test run's spans and metrics with the OpenTelemetry SDK's OTLP exporter, when the <c>OtlpEndpoint</c>
/// setting or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable names a collector; nothing is exported
/// otherwise. Created before the load and disposed after it, which flushes what is left.
/// </summary>
/// <remarks>
/// Export runs on the SDK's own background threads (a batch span processor, a metric reader every second), so a
/// collector that is slow or gone never slows the load: its failures are seen through the exporter's event source
/// (<see cref="ExportFailureListener"/>) and become one warning. Each export gives up after 2 s, so the flush at the
/// end costs at most that when the collector does not answer.
/// </remarks>
internal sealed class OtlpExport : IDisposable
{
    private const int ExportTimeoutMilliseconds = 2000;

    private readonly TracerProvider _traces;
    private readonly MeterProvider _metrics;
    private readonly ExportFailureListener _failures;

    private OtlpExport(TracerProvider traces, MeterProvider metrics, ExportFailureListener failures)
    {
        _traces = traces;
        _metrics = metrics;
        _failures = failures;
    }

    /// <summary>Why export failed, once per run (null while it works).</summary>
    public string? Warning => _failures.First is { } failure ? $"OTLP export to {Endpoint} failed (the run went on without it): {failure}" : null;

    public string Endpoint { get; private init; } = string.Empty;

    /// <summary>Why the standard variable cannot be used (not an http or https address); null when it can or is unset.</summary>
    public static string? VariableProblem()
    {
        var variable = Environment.GetEnvironmentVariable(ObservabilitySettings.OtlpEndpointVariable);
        return string.IsNullOrWhiteSpace(variable) || FromVariable(variable) is not null
            ? null
            : $"{ObservabilitySettings.OtlpEndpointVariable} = \"{variable}\" is not an http or https address: nothing was exported.";
    }

    /// <summary>Starts exporting when an endpoint is configured (the setting, else a valid variable); null otherwise.</summary>
    public static OtlpExport? Start(ObservabilitySettings settings, string runId, string test)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.OtlpEndpoint ?? FromVariable(Environment.GetEnvironmentVariable(ObservabilitySettings.OtlpEndpointVariable));
        if (endpoint is null)
        {
            return null;
        }

        var protocol = Protocol(settings.OtlpProtocol ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL"));
        var resource = ResourceBuilder.CreateDefault()
            .AddAttributes([new(StressTestTelemetry.RunIdKey, runId), new(StressTestTelemetry.TestKey, test)]);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            resource.AddService("stresstest");
        }

        var failures = new ExportFailureListener();
        var traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(StressTestTelemetry.Name)
            .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(StressTestTelemetry.Name)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, endpoint, protocol, "v1/metrics");
                // A stress test lasts seconds to minutes: the SDK's default of a minute would show nothing.
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 1000;
            })
            .Build();
        return new OtlpExport(traces, metrics, failures) { Endpoint = endpoint.ToString() };
    }

    public void Dispose()
    {
        _traces.Dispose();
        _metrics.Dispose();
        _failures.Dispose();
    }

    private static Uri? FromVariable(string? variable) =>
        Uri.TryCreate(variable?.Trim(), UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)
            ? endpoint
            : null;

    private static void Configure(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.TimeoutMilliseconds = ExportTimeoutMilliseconds;
        // gRPC takes the collector's address; over HTTP each signal has its own path, which the SDK appends only to
        // an endpoint that came from the environment variable.
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf && !endpoint.AbsolutePath.EndsWith(signalPath, StringComparison.Ordinal)
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    private static OtlpExportProtocol Protocol(string? name) =>
        string.Equals(name?.Trim(), "http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics.Tracing;
using StressTest.Errors;

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// Listens to the OTLP exporter's own event source for export failures (a collector that refuses, times out or
/// answers an error) and keeps the first one's text: the SDK reports them nowhere else, and a run must say once that
/// its telemetry went nowhere, not fail or slow down because of it.
/// </summary>
internal sealed class ExportFailureListener : EventListener
{
    private const string ExporterSource = "OpenTelemetry-Exporter-OpenTelemetryProtocol";
    private string? _first;

    /// <summary>The first failure seen, as text; null while none.</summary>
    public string? First => Volatile.Read(ref _first);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == ExporterSource)
        {
            EnableEvents(eventSource, EventLevel.Warning);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.Level is EventLevel.Error or EventLevel.Warning or EventLevel.Critical && eventData.EventSource.Name == ExporterSource)
        {
            var payload = eventData.Payload is { Count: > 0 } values ? string.Join(", ", values.Where(v => v is not null)) : string.Empty;
            var text = payload.Length > 0 ? $"{eventData.EventName}: {payload}" : eventData.EventName ?? "export failed";
            var redacted = Redactor.Redact(text);
            Interlocked.CompareExchange(ref _first, redacted.Length > 300 ? redacted[..300] : redacted, null);
        }
    }
}

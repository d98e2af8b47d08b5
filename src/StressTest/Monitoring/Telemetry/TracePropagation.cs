// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// The client span of a traced invocation's HTTP request and the W3C headers that carry it to the API:
/// <c>traceparent</c> names the span (so the server's span becomes its child) and <c>baggage</c> carries the run id and
/// the test, so the API's traces in any APM can be filtered to one run. Written here rather than left to the runtime's
/// propagator, which a process may have replaced, and which writes baggage as <c>Correlation-Context</c> by default.
/// </summary>
internal static class TracePropagation
{
    public const string TraceParent = "traceparent";
    public const string BaggageHeader = "baggage";

    /// <summary>Starts the request's span under <see cref="Activity.Current"/> (the invocation's span or a step's) and
    /// adds the headers; null (and no header) when no listener records it.</summary>
    public static Activity? StartRequest(HttpRequestMessage request, string endpoint, RunTelemetry telemetry)
    {
        var span = StressInstruments.Source.StartActivity(endpoint, ActivityKind.Client);
        if (span is null)
        {
            return null;
        }

        span.SetTag("http.request.method", request.Method.Method);
        span.SetTag("stresstest.endpoint", endpoint);
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            span.SetTag("server.address", uri.Host);
            span.SetTag("server.port", uri.Port);
        }

        var headers = request.Headers;
        headers.Remove(TraceParent);
        headers.TryAddWithoutValidation(TraceParent, Format(span));
        if (!string.IsNullOrEmpty(span.TraceStateString))
        {
            headers.Remove("tracestate");
            headers.TryAddWithoutValidation("tracestate", span.TraceStateString);
        }

        headers.Remove(BaggageHeader);
        headers.TryAddWithoutValidation(BaggageHeader, telemetry.Baggage);
        return span;
    }

    /// <summary>Ends a request's span with its status code (0: no response) and error type, if it failed.</summary>
    public static void EndRequest(Activity span, int statusCode, string? errorType)
    {
        if (statusCode != 0)
        {
            span.SetTag("http.response.status_code", statusCode);
        }

        if (errorType is not null)
        {
            span.SetTag("error.type", errorType);
            span.SetStatus(ActivityStatusCode.Error, errorType);
        }

        span.Stop();
    }

    /// <summary><c>00-{trace id}-{span id}-{flags}</c>, the W3C Trace Context header.</summary>
    public static string Format(Activity span) =>
        $"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-{((span.ActivityTraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";
}

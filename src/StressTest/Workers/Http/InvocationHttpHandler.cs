// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using StressTest.Errors;
using StressTest.Monitoring.Telemetry;
using StressTest.Workers.Recording;

namespace StressTest.Workers.Http;

/// <summary>
/// The outermost handler of a slot's clients: measures each request by endpoint (time to the response headers,
/// status code, bytes) and tells the slot when a response's status code is one the test does not accept, so the
/// invocation counts as an error even if the method never looks at the status. It belongs to one slot, so it
/// knows the invocation without an AsyncLocal (which would cost an ExecutionContext allocation per invocation). It
/// also offers compression and decodes compressed responses, measured or not (<see cref="ContentCoding"/>).
/// </summary>
/// <remarks>
/// Time to the response headers is what .NET's own <c>http.client.request.duration</c> measures; the body's
/// transfer is in the invocation's latency and the step's. Requests of invocations outside the measured window
/// (warm-up) pass through unmeasured. A request of a traced invocation gets a client span and carries W3C
/// <c>traceparent</c> (that span) and <c>baggage</c> (run id and test), so the API's server span joins the trace;
/// an untraced one gets no header at all, so tracing off costs nothing per request.
/// </remarks>
internal sealed class InvocationHttpHandler : DelegatingHandler
{
    private readonly InvocationSlot _slot;
    private readonly HttpOptions _options;
    private readonly EndpointResolver _endpoints;

    public InvocationHttpHandler(InvocationSlot slot, HttpOptions options, HttpMessageHandler inner)
        : base(inner)
    {
        _slot = slot;
        _options = options;
        _endpoints = new EndpointResolver(slot, options);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ThrowIfNoBaseAddress(request);
        ContentCoding.OfferCompression(request);
        return _slot.IsRecording ? SendMeasuredAsync(request, cancellationToken) : SendUnmeasuredAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ThrowIfNoBaseAddress(request);
        ContentCoding.OfferCompression(request);
        if (!_slot.IsRecording)
        {
            return Decoded(base.Send(request, cancellationToken));
        }

        var measure = Begin(request);
        HttpResponseMessage response;
        try
        {
            response = base.Send(request, cancellationToken);
        }
        catch (Exception ex)
        {
            Failed(measure, ex);
            throw;
        }

        return Completed(response, measure);
    }

    /// <summary>A relative request in a run without a base address: the run stops at once and the test fails naming
    /// the fix, instead of every request failing with HttpClient's own message for the whole duration.</summary>
    private void ThrowIfNoBaseAddress(HttpRequestMessage request)
    {
        if (NoBaseAddress.IsTarget(request))
        {
            var problem = ErrorText.Truncate(NoBaseAddress.Problem(request));
            _slot.StopRun(problem, failure: true);
            throw new InvalidOperationException(problem);
        }
    }

    private static HttpResponseMessage Decoded(HttpResponseMessage response)
    {
        CountingContent.AttachDecoding(response);
        return response;
    }

    private async Task<HttpResponseMessage> SendUnmeasuredAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Decoded(await base.SendAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<HttpResponseMessage> SendMeasuredAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var measure = Begin(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Failed(measure, ex);
            throw;
        }

        return Completed(response, measure);
    }

    private RequestMeasure Begin(HttpRequestMessage request)
    {
        var endpoint = _endpoints.Resolve(request);
        var span = _slot.Trace is null ? null : TracePropagation.StartRequest(request, endpoint.Name, _slot.Telemetry);
        return new(endpoint, CountingContent.AttachOutgoing(request, endpoint), _slot.Run.Time.GetTimestamp(), span);
    }
    private void Failed(in RequestMeasure measure, Exception exception)
    {
        // A request cut off because the run was cancelled is neither a measurement nor an error.
        if (!_slot.Run.IsStopping)
        {
            var elapsed = Elapsed(measure.Start);
            measure.Endpoint.Record(elapsed, statusCode: 0, failed: true, measure.BytesOut);
            _slot.Telemetry.RecordRequest(elapsed, measure.Endpoint.Name, statusCode: 0);
        }

        if (measure.Span is { } span)
        {
            TracePropagation.EndRequest(span, statusCode: 0, ErrorClassifier.Classify(exception).Kind);
        }
    }

    private HttpResponseMessage Completed(HttpResponseMessage response, in RequestMeasure measure)
    {
        var status = (int)response.StatusCode;
        var accepted = _options.AcceptStatus.Contains(status);
        var elapsed = Elapsed(measure.Start);
        var endpoint = measure.Endpoint;
        endpoint.Record(elapsed, status, failed: !accepted, measure.BytesOut);
        _slot.Telemetry.RecordRequest(elapsed, endpoint.Name, status);
        if (!accepted)
        {
            _slot.NoteHttpFailure(status, endpoint.Name);
        }

        if (measure.Span is { } span)
        {
            TracePropagation.EndRequest(span, status, accepted ? null : ErrorClassifier.HttpStatus(status).Kind);
        }

        CountingContent.Attach(response, endpoint);
        return response;
    }

    private long Elapsed(long start)
    {
        var run = _slot.Run;
        return (long)((run.Time.GetTimestamp() - start) * run.MicrosecondsPerTick);
    }
}

/// <summary>What <see cref="InvocationHttpHandler"/> keeps about a request between sending it and its response.</summary>
internal readonly record struct RequestMeasure(EndpointRecorder Endpoint, long BytesOut, long Start, Activity? Span);

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Details;
using StressTest.Workers;

namespace StressTest.Http;

/// <summary>
/// The outermost handler of a slot's clients: measures each request by endpoint (time to the response headers,
/// status code, bytes) and tells the slot when a response's status code is one the test does not accept, so the
/// invocation counts as an error even if the method never looks at the status. It belongs to one slot, so it
/// knows the invocation without an AsyncLocal (which would cost an ExecutionContext allocation per invocation).
/// </summary>
/// <remarks>
/// Time to the response headers is what .NET's own <c>http.client.request.duration</c> measures; the body's
/// transfer is in the invocation's latency and the step's. Requests of invocations outside the measured window
/// (warm-up) pass through unmeasured.
/// </remarks>
internal sealed class InvocationHttpHandler : DelegatingHandler
{
    private readonly InvocationSlot _slot;
    private readonly HttpOptions _options;

    public InvocationHttpHandler(InvocationSlot slot, HttpOptions options, HttpMessageHandler inner)
        : base(inner)
    {
        _slot = slot;
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _slot.IsMeasured ? SendMeasuredAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_slot.IsMeasured)
        {
            return base.Send(request, cancellationToken);
        }

        var (endpoint, bytesOut, start) = Begin(request);
        HttpResponseMessage response;
        try
        {
            response = base.Send(request, cancellationToken);
        }
        catch
        {
            Failed(endpoint, bytesOut, start);
            throw;
        }

        return Completed(response, endpoint, bytesOut, start);
    }

    private async Task<HttpResponseMessage> SendMeasuredAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (endpoint, bytesOut, start) = Begin(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Failed(endpoint, bytesOut, start);
            throw;
        }

        return Completed(response, endpoint, bytesOut, start);
    }

    private (EndpointRecorder Endpoint, long BytesOut, long Start) Begin(HttpRequestMessage request)
    {
        var name = request.Options.TryGetValue(StressHttp.EndpointName, out var given) && !string.IsNullOrWhiteSpace(given)
            ? given
            : EndpointNamer.Name(request.Method, request.RequestUri!, _options.BaseAuthority);
        var endpoint = _slot.Run.Details.Endpoint(name);
        return (endpoint, CountingContent.AttachOutgoing(request, endpoint), _slot.Run.Time.GetTimestamp());
    }

    private void Failed(EndpointRecorder endpoint, long bytesOut, long start)
    {
        // A request cut off because the run was cancelled is neither a measurement nor an error.
        if (!_slot.Run.IsStopping)
        {
            endpoint.Record(Elapsed(start), statusCode: 0, failed: true, bytesOut);
        }
    }

    private HttpResponseMessage Completed(HttpResponseMessage response, EndpointRecorder endpoint, long bytesOut, long start)
    {
        var status = (int)response.StatusCode;
        var accepted = _options.AcceptStatus.Contains(status);
        endpoint.Record(Elapsed(start), status, failed: !accepted, bytesOut);
        if (!accepted)
        {
            _slot.NoteHttpFailure(status, endpoint.Name);
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

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Net;

namespace StressTest.Tests.Workers.Http;

/// <summary>
/// A primary handler that answers without any network: each request is recorded (method, absolute URI, headers and
/// the body it sent, read the way a socket handler would serialise it) and answered by the responder. Tests put it
/// where <c>SocketsHttpHandler</c> would be (<c>ConfigurePrimaryHttpMessageHandler</c>), so everything above it (the
/// measuring handler, the test's handlers, the host guard) runs for real.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;
    private readonly ConcurrentQueue<Sent> _requests = new();

    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

    /// <summary>Answers every request with <paramref name="status"/> and a text body.</summary>
    public StubHandler(HttpStatusCode status = HttpStatusCode.OK, string body = "")
        : this(_ => new HttpResponseMessage(status) { Content = new StringContent(body) })
    {
    }

    /// <summary>Runs as each request arrives, before the response is made: e.g. "the server takes 7 ms" on a fake clock.</summary>
    public Action<HttpRequestMessage>? OnSend { get; init; }

    /// <summary>"METHOD absolute-uri" of every request received, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests.Select(r => r.Line)];

    /// <summary>Everything received, in order.</summary>
    public IReadOnlyList<Sent> Received => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is { } content ? await content.ReadAsByteArrayAsync(cancellationToken) : null;
        return Respond(request, body);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.CopyTo(buffer, null, cancellationToken);
            body = buffer.ToArray();
        }

        return Respond(request, body);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request, byte[]? body)
    {
        _requests.Enqueue(new Sent($"{request.Method} {request.RequestUri}", request.Headers.ToString(), request.Content?.Headers.ContentType?.MediaType, body));
        OnSend?.Invoke(request);
        var response = _respond(request);
        response.RequestMessage = request;
        return response;
    }

    /// <summary>One request as the stub received it.</summary>
    /// <param name="Line">"METHOD absolute-uri".</param>
    /// <param name="Headers">The request's headers as text.</param>
    /// <param name="MediaType">The body's media type, if any.</param>
    /// <param name="Body">The body's bytes, null without a body.</param>
    internal sealed record Sent(string Line, string Headers, string? MediaType, byte[]? Body);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Details;

namespace StressTest.Http;

/// <summary>
/// A body that counts its bytes into the endpoint as they pass: a response body as it is read (bytes in), a request
/// body as it is sent (bytes out). Nothing is buffered here: a 100 MB
/// body stays in the socket until the test reads it (<c>HttpCompletionOption.ResponseHeadersRead</c>), and a body
/// the test never reads is never counted. Content-Length cannot stand in for counting: chunked responses (most JSON
/// APIs) have none, and decompression removes it.
/// </summary>
internal sealed class CountingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly EndpointRecorder _endpoint;
    private readonly bool _outgoing;

    private CountingContent(HttpContent inner, EndpointRecorder endpoint, bool outgoing)
    {
        _inner = inner;
        _endpoint = endpoint;
        _outgoing = outgoing;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Replaces the response's content with a counting one.</summary>
    public static void Attach(HttpResponseMessage response, EndpointRecorder endpoint)
    {
        if (response.Content is { } content && content is not CountingContent)
        {
            response.Content = new CountingContent(content, endpoint, outgoing: false);
        }
    }

    /// <summary>The bytes a request body will send: its length when declared, else counted as it is sent (JSON
    /// content serialises without a length).</summary>
    /// <returns>The declared length, or 0 when the body is counted as it goes.</returns>
    public static long AttachOutgoing(HttpRequestMessage request, EndpointRecorder endpoint)
    {
        if (request.Content is not { } content)
        {
            return 0;
        }

        if (content.Headers.ContentLength is { } length)
        {
            return length;
        }

        if (content is not CountingContent)
        {
            request.Content = new CountingContent(content, endpoint, outgoing: true);
        }

        return 0;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await _inner.CopyToAsync(new CountingStream(stream, _endpoint, ownsInner: false, _outgoing), context).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        await _inner.CopyToAsync(new CountingStream(stream, _endpoint, ownsInner: false, _outgoing), context, cancellationToken).ConfigureAwait(false);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyTo(new CountingStream(stream, _endpoint, ownsInner: false, _outgoing), context, cancellationToken);

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new CountingStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _endpoint, ownsInner: true, _outgoing);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new CountingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _endpoint, ownsInner: true, _outgoing);

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new CountingStream(_inner.ReadAsStream(cancellationToken), _endpoint, ownsInner: true, _outgoing);

    protected override bool TryComputeLength(out long length)
    {
        // The inner content may know its length without carrying the header (StringContent, ByteArrayContent).
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Details;

namespace StressTest.Http;

/// <summary>
/// A response body that counts its bytes into the endpoint as they are read. Nothing is buffered here: a 100 MB
/// body stays in the socket until the test reads it (<c>HttpCompletionOption.ResponseHeadersRead</c>), and a body
/// the test never reads is never counted. Content-Length cannot stand in for counting: chunked responses (most JSON
/// APIs) have none, and decompression removes it.
/// </summary>
internal sealed class CountingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly EndpointRecorder _endpoint;

    private CountingContent(HttpContent inner, EndpointRecorder endpoint)
    {
        _inner = inner;
        _endpoint = endpoint;
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
            response.Content = new CountingContent(content, endpoint);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await _inner.CopyToAsync(new CountingStream(stream, _endpoint, ownsInner: false), context).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        await _inner.CopyToAsync(new CountingStream(stream, _endpoint, ownsInner: false), context, cancellationToken).ConfigureAwait(false);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyTo(new CountingStream(stream, _endpoint, ownsInner: false), context, cancellationToken);

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new CountingStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _endpoint, ownsInner: true);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new CountingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _endpoint, ownsInner: true);

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new CountingStream(_inner.ReadAsStream(cancellationToken), _endpoint, ownsInner: true);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false; // the copied Content-Length header, if any, still answers Headers.ContentLength
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

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Workers.Recording;

namespace StressTest.Workers.Http;

/// <summary>
/// A body that counts its bytes into the endpoint as they pass: a response body as it is read (bytes in, as they came
/// over the wire: before decompression), a request body as it is sent (bytes out). A compressed response is decoded
/// here too (<see cref="ContentCoding"/>). Nothing is buffered here: a 100 MB body stays in the socket until the test
/// reads it (<c>HttpCompletionOption.ResponseHeadersRead</c>), and a body the test never reads is never counted.
/// Content-Length cannot stand in for counting: chunked responses (most JSON APIs) have none.
/// </summary>
/// <remarks>Runs for every response: the headers are copied unparsed and unvalidated (they were validated when
/// received), and a body that needs no decoding is copied by the inner content itself, without an async frame here.</remarks>
internal sealed class CountingContent : HttpContent
{
    private const string ContentLength = "Content-Length";

    private readonly HttpContent _inner;
    private readonly EndpointRecorder? _endpoint;
    private readonly bool _outgoing;
    private readonly ContentCoding.Kind _coding;

    private CountingContent(HttpContent inner, EndpointRecorder? endpoint, bool outgoing, ContentCoding.Kind coding)
    {
        _inner = inner;
        _endpoint = endpoint;
        _outgoing = outgoing;
        _coding = coding;
        foreach (var header in inner.Headers.NonValidated)
        {
            // The length is computed from the inner content (TryComputeLength), which spares formatting it into a
            // string and parsing it back; a decoded body has neither its coding nor its coded length.
            if (header.Key.Equals(ContentLength, StringComparison.OrdinalIgnoreCase)
                || (coding != ContentCoding.Kind.None && header.Key.Equals(ContentCoding.ContentEncoding, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                Headers.TryAddWithoutValidation(header.Key, value);
            }
        }

        if (coding != ContentCoding.Kind.None && ContentCoding.Remaining(inner) is { } remaining)
        {
            Headers.TryAddWithoutValidation(ContentCoding.ContentEncoding, remaining);
        }
    }

    /// <summary>Replaces the response's content with a counting (and, when compressed, decoding) one.</summary>
    public static void Attach(HttpResponseMessage response, EndpointRecorder endpoint)
    {
        if (response.Content is { } content && content is not CountingContent)
        {
            response.Content = new CountingContent(content, endpoint, outgoing: false, ContentCoding.Of(content));
        }
    }

    /// <summary>Decodes a compressed response without counting it (a request outside the measured window).</summary>
    public static void AttachDecoding(HttpResponseMessage response)
    {
        if (response.Content is { } content && content is not CountingContent && ContentCoding.Of(content) is var coding and not ContentCoding.Kind.None)
        {
            response.Content = new CountingContent(content, endpoint: null, outgoing: false, coding);
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
            request.Content = new CountingContent(content, endpoint, outgoing: true, ContentCoding.Kind.None);
        }

        return 0;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _coding == ContentCoding.Kind.None
            ? _inner.CopyToAsync(Counted(stream, ownsInner: false), context, cancellationToken)
            : CopyDecodedAsync(stream, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_coding == ContentCoding.Kind.None)
        {
            _inner.CopyTo(Counted(stream, ownsInner: false), context, cancellationToken);
            return;
        }

        using var decoded = ContentCoding.Decode(_coding, Counted(_inner.ReadAsStream(cancellationToken), ownsInner: true));
        decoded.CopyTo(stream);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        ContentCoding.Decode(_coding, Counted(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), ownsInner: true));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        ContentCoding.Decode(_coding, Counted(_inner.ReadAsStream(cancellationToken), ownsInner: true));

    protected override bool TryComputeLength(out long length)
    {
        // The inner content may know its length without carrying the header (StringContent, ByteArrayContent); a
        // decoded body's length is unknown until it is read.
        var known = _coding == ContentCoding.Kind.None ? _inner.Headers.ContentLength : null;
        length = known ?? 0;
        return known is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Counts what passes <paramref name="stream"/> (the body read, or the destination written), unless this
    /// content only decodes (no endpoint: a request of the warm-up).</summary>
    private Stream Counted(Stream stream, bool ownsInner) =>
        _endpoint is null ? stream : new CountingStream(stream, _endpoint, ownsInner, _outgoing);

    private async Task CopyDecodedAsync(Stream destination, CancellationToken cancellationToken)
    {
        var decoded = ContentCoding.Decode(_coding, Counted(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), ownsInner: true));
        await using (decoded.ConfigureAwait(false))
        {
            await decoded.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.IO.Compression;

namespace StressTest.Workers.Http;

/// <summary>
/// Automatic decompression, done by the measuring handler rather than by <see cref="SocketsHttpHandler"/>: the
/// handler's own decompression is one more async layer per request, and it adds <c>Accept-Encoding</c> as three
/// parsed header values (together about 0.7 KB allocated per request in the HTTP benchmark). Here the offer is one raw
/// header and the response is decoded by the content that counts its bytes anyway (<see cref="CountingContent"/>).
/// The decoding itself is the runtime's (<see cref="GZipStream"/>, <see cref="ZLibStream"/>, <see cref="BrotliStream"/>).
/// </summary>
/// <remarks>
/// As <see cref="SocketsHttpHandler"/> does: compression is offered only when the request does not choose its own
/// <c>Accept-Encoding</c>, and only the last coding of <c>Content-Encoding</c> is removed (a response coded twice keeps
/// the first). <c>deflate</c> is the zlib format, as RFC 9110 defines it; a server that sends raw deflate instead
/// fails the read with an <see cref="InvalidDataException"/>.
/// </remarks>
internal static class ContentCoding
{
    /// <summary>What every request offers unless it sets <c>Accept-Encoding</c> itself.</summary>
    public const string Offer = "gzip, deflate, br";

    private const string AcceptEncoding = "Accept-Encoding";
    /// <summary>The header whose last coding is undone.</summary>
    public const string ContentEncoding = "Content-Encoding";

    /// <summary>Codings this handler decodes.</summary>
    public enum Kind
    {
        /// <summary>Not coded, or a coding left as it is.</summary>
        None,

        /// <summary><c>gzip</c> or <c>x-gzip</c>.</summary>
        Gzip,

        /// <summary><c>deflate</c> (zlib).</summary>
        Deflate,

        /// <summary><c>br</c>.</summary>
        Brotli,
    }

    /// <summary>Offers compression unless the request chose its own <c>Accept-Encoding</c>.</summary>
    public static void OfferCompression(HttpRequestMessage request)
    {
        // NonValidated: looks without parsing or allocating.
        if (!request.Headers.NonValidated.Contains(AcceptEncoding))
        {
            request.Headers.TryAddWithoutValidation(AcceptEncoding, Offer);
        }
    }

    /// <summary>The coding to undo: the last one of <c>Content-Encoding</c>, when it is one decoded here.</summary>
    public static Kind Of(HttpContent content)
    {
        if (!content.Headers.NonValidated.TryGetValues(ContentEncoding, out var values))
        {
            return Kind.None;
        }

        string? last = null;
        foreach (var value in values)
        {
            last = value;
        }

        return Parse(LastToken(last));
    }

    /// <summary>The value <c>Content-Encoding</c> has once its last coding is undone, or null for none left.</summary>
    public static string? Remaining(HttpContent content)
    {
        if (!content.Headers.NonValidated.TryGetValues(ContentEncoding, out var values))
        {
            return null;
        }

        var all = string.Join(", ", values);
        var comma = all.LastIndexOf(',');
        return comma < 0 ? null : all[..comma].TrimEnd();
    }

    /// <summary>A stream that decodes <paramref name="coded"/> (and disposes it).</summary>
    public static Stream Decode(Kind kind, Stream coded) => kind switch
    {
        Kind.Gzip => new GZipStream(coded, CompressionMode.Decompress),
        Kind.Deflate => new ZLibStream(coded, CompressionMode.Decompress),
        Kind.Brotli => new BrotliStream(coded, CompressionMode.Decompress),
        _ => coded,
    };

    private static ReadOnlySpan<char> LastToken(string? value)
    {
        var span = value.AsSpan();
        var comma = span.LastIndexOf(',');
        return (comma < 0 ? span : span[(comma + 1)..]).Trim();
    }

    private static Kind Parse(ReadOnlySpan<char> coding) =>
        coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) ? Kind.Gzip
        : coding.Equals("deflate", StringComparison.OrdinalIgnoreCase) ? Kind.Deflate
        : coding.Equals("br", StringComparison.OrdinalIgnoreCase) ? Kind.Brotli
        : Kind.None;
}

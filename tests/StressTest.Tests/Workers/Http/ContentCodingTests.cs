// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.IO.Compression;
using System.Text;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>
/// The measuring handler's automatic decompression: compression offered unless the request chose, gzip / deflate
/// (zlib) / br decoded in and outside the measured window, only the last coding undone, unknown codings left alone,
/// and bytes in counted as they came over the wire.
/// </summary>
[TestClass]
public sealed class ContentCodingTests
{
    private const string Text = "hello, compressed world, hello, compressed world";

    [TestMethod]
    [DataRow("gzip")]
    [DataRow("x-gzip")]
    [DataRow("deflate")]
    [DataRow("br")]
    [DataRow("BR")]
    public async Task GetAsync_CompressedResponse_IsDecodedAndBytesInAreTheCodedBytes(string coding)
    {
        var body = Encode(coding, Text);

        var fetched = await FetchAsync(body, coding);

        Assert.AreEqual(Text, fetched.Body);
        Assert.IsEmpty(fetched.Encodings, "a decoded body has no coding left");
        Assert.AreNotEqual((long?)body.Length, fetched.Length, "the coded length does not describe the decoded body");
        Assert.AreEqual(body.Length, fetched.BytesIn, "bytes in are what came over the wire");
    }

    [TestMethod]
    public async Task GetAsync_StreamedCompressedResponse_IsDecodedAsItIsRead()
    {
        var body = Encode("gzip", Text);
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", body, "Content-Encoding: gzip"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        string? read = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("data", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            read = await reader.ReadToEndAsync();
        });

        Assert.AreEqual(Text, read);
        Assert.AreEqual(body.Length, Assert.ContainsSingle(slot.Harvest().Endpoints).BytesIn);
    }

    [TestMethod]
    public async Task GetAsync_CompressedResponseInWarmUp_IsDecodedButNotCounted()
    {
        var body = Encode("br", Text);
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", body, "Content-Encoding: br"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        string? read = null;

        await slot.InvokeAsync(
            async ctx =>
            {
                using var response = await ctx.Http.GetAsync(new Uri("data", UriKind.Relative));
                read = await response.Content.ReadAsStringAsync();
            },
            measured: false);

        Assert.AreEqual(Text, read, "user code in warm-up sees the same decoded bodies");
        Assert.IsEmpty(slot.Harvest().Endpoints);
    }

    [TestMethod]
    public async Task Send_Synchronous_DecodesToo()
    {
        var body = Encode("gzip", Text);
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", body, "Content-Encoding: gzip"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        string? read = null;

        slot.Invoke(ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("data", UriKind.Relative));
            using var response = ctx.Http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            read = reader.ReadToEnd();
        });

        Assert.AreEqual(Text, read);
    }

    [TestMethod]
    public async Task GetAsync_TwoCodings_OnlyTheLastIsUndone()
    {
        // "identity, gzip": undoing gzip leaves identity, which the test sees as the remaining coding.
        var fetched = await FetchAsync(Encode("gzip", Text), "identity, gzip");

        Assert.AreEqual(Text, fetched.Body);
        Assert.AreSequenceEqual(new[] { "identity" }, fetched.Encodings);
    }

    [TestMethod]
    public async Task GetAsync_UnknownCoding_IsLeftAsItCame()
    {
        var fetched = await FetchAsync(Encoding.ASCII.GetBytes("not really zstd"), "zstd");

        Assert.AreEqual("not really zstd", fetched.Body);
        Assert.AreSequenceEqual(new[] { "zstd" }, fetched.Encodings);
    }

    [TestMethod]
    public async Task GetAsync_RequestWithItsOwnAcceptEncoding_KeepsIt()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", "plain"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));

        await slot.InvokeAsync(async ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("data", UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
            using var response = await ctx.Http.SendAsync(request);
            using var offered = await ctx.Http.GetAsync(new Uri("other", UriKind.Relative));
        });

        var lines = server.Requests.Select(r => r.Split("\r\n").Where(l => l.StartsWith("Accept-Encoding:", StringComparison.OrdinalIgnoreCase)).ToArray()).ToArray();
        Assert.AreSequenceEqual(new[] { "Accept-Encoding: identity" }, lines[0], "the test's choice is sent alone");
        Assert.AreSequenceEqual(new[] { "Accept-Encoding: " + ContentCoding.Offer }, lines[1]);
    }

    [TestMethod]
    public async Task GetAsync_RawDeflateInsteadOfZlib_FailsTheReadAsInvalidData()
    {
        using var raw = new MemoryStream();
        using (var deflate = new DeflateStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(Text));
        }

        var body = raw.ToArray();
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", body, "Content-Encoding: deflate"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        Exception? failure = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("data", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            try
            {
                _ = await response.Content.ReadAsStringAsync();
            }
            catch (InvalidDataException ex)
            {
                failure = ex;
            }
        });

        Assert.IsInstanceOfType<InvalidDataException>(failure, "RFC 9110's deflate is zlib: a raw stream is not silently misread");
    }

    [TestMethod]
    public async Task SendAsync_CodedResponseWithoutBody_ReadsAsEmpty()
    {
        // A HEAD answer or a 204 may carry the coding its body would have had, and no body to decode.
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", [], "Content-Encoding: gzip"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        string? read = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("data", UriKind.Relative));
            using var response = await ctx.Http.SendAsync(request);
            read = await response.Content.ReadAsStringAsync();
        });

        Assert.AreEqual(string.Empty, read);
        Assert.AreEqual(0, Assert.ContainsSingle(slot.Harvest().Endpoints).Errors);
    }

    /// <summary>One measured GET of a body served with the given <c>Content-Encoding</c>: what the test reads, the
    /// codings and length left on the content, and the endpoint's bytes in.</summary>
    private static async Task<Fetched> FetchAsync(byte[] body, string contentEncoding)
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", body, $"Content-Encoding: {contentEncoding}", "Content-Type: text/plain"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        Fetched? fetched = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("data", UriKind.Relative));
            fetched = new Fetched(await response.Content.ReadAsStringAsync(), [.. response.Content.Headers.ContentEncoding], response.Content.Headers.ContentLength);
        });

        return fetched! with { BytesIn = Assert.ContainsSingle(slot.Harvest().Endpoints).BytesIn };
    }

    private static byte[] Encode(string coding, string text)
    {
        using var output = new MemoryStream();
        using (Stream encoder = coding.ToUpperInvariant() switch
        {
            "GZIP" or "X-GZIP" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "DEFLATE" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            encoder.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private sealed record Fetched(string Body, string[] Encodings, long? Length)
    {
        public long BytesIn { get; init; }
    }
}

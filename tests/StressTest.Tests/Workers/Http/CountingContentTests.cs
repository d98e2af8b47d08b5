// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>
/// Bytes per endpoint are counted as bodies pass: a response body as the test reads it (a chunked one has no
/// Content-Length to go by), a request body as it is sent (JSON content has no length either), and a body nobody
/// reads is never counted.
/// </summary>
[TestClass]
public sealed class CountingContentTests
{
    [TestMethod]
    public async Task SendAsync_ChunkedResponseRead_CountsTheBytesReadAsBytesIn()
    {
        const string Chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
            + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        await using var server = new LoopbackServer(_ => Encoding.ASCII.GetBytes(Chunked));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        bool? chunked = null;
        long? contentLength = -1;
        string? body = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("greeting", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            chunked = response.Headers.TransferEncodingChunked;
            contentLength = response.Content.Headers.ContentLength;
            body = await response.Content.ReadAsStringAsync();
        });

        Assert.IsTrue(chunked, "the response must really be chunked");
        Assert.IsNull(contentLength, "a chunked response has no length to count by");
        Assert.AreEqual("hello world", body);
        var endpoint = Assert.ContainsSingle(slot.Harvest().Endpoints);
        Assert.AreEqual(11, endpoint.BytesIn);
        Assert.AreEqual(0, endpoint.BytesOut);
    }

    [TestMethod]
    public async Task SendAsync_JsonRequestBody_CountsTheBytesSentAsBytesOut()
    {
        var stub = new StubHandler(HttpStatusCode.Created);
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));
        long? declared = -1;

        await slot.InvokeAsync(async ctx =>
        {
            using var content = JsonContent.Create(new { name = "widget", quantity = 3 });
            declared = content.Headers.ContentLength;
            using var response = await ctx.Http.PostAsync(new Uri("orders", UriKind.Relative), content);
        });

        Assert.IsNull(declared, "JSON content serialises without a length");
        var sent = Assert.ContainsSingle(stub.Received);
        Assert.AreEqual("application/json", sent.MediaType, "the counting wrapper keeps the content's headers");
        using var json = JsonDocument.Parse(sent.Body!);
        Assert.AreEqual("widget", json.RootElement.GetProperty("name").GetString());
        var endpoint = Assert.ContainsSingle(slot.Harvest().Endpoints);
        Assert.AreEqual(sent.Body!.Length, endpoint.BytesOut);
        Assert.AreEqual("POST /orders", endpoint.Name);
    }

    [TestMethod]
    public async Task SendAsync_RequestBodyWithALength_CountsTheDeclaredLengthOnce()
    {
        var stub = new StubHandler();
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));

        await slot.InvokeAsync(async ctx =>
        {
            using var content = new StringContent("12345");
            using var response = await ctx.Http.PutAsync(new Uri("orders/1", UriKind.Relative), content);
        });

        Assert.AreEqual("12345", Encoding.UTF8.GetString(Assert.ContainsSingle(stub.Received).Body!));
        Assert.AreEqual(5, Assert.ContainsSingle(slot.Harvest().Endpoints).BytesOut);
    }

    [TestMethod]
    public async Task SendAsync_ResponseBufferedByHttpClient_CountsTheWholeBody()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.OK, new string('x', 1_000))));

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("big", UriKind.Relative));
        });

        Assert.AreEqual(1_000, Assert.ContainsSingle(slot.Harvest().Endpoints).BytesIn);
    }

    [TestMethod]
    public async Task SendAsync_ResponseBodyNeverRead_IsNotCounted()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.OK, new string('x', 1_000))));

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("big", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        });

        var endpoint = Assert.ContainsSingle(slot.Harvest().Endpoints);
        Assert.AreEqual(0, endpoint.BytesIn);
        Assert.AreEqual(new StatusCount(200, 1), Assert.ContainsSingle(endpoint.StatusCodes));
    }

    [TestMethod]
    public async Task SendAsync_ResponseBodyPartlyRead_CountsOnlyWhatWasRead()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.OK, "0123456789")));
        var read = 0;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("digits", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            read = await stream.ReadAsync(new byte[4]);
        });

        Assert.AreEqual(4, read);
        Assert.AreEqual(4, Assert.ContainsSingle(slot.Harvest().Endpoints).BytesIn);
    }

    [TestMethod]
    public async Task Send_SynchronousStreamRead_CountsTheBytesRead()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.OK, "abcdef")));
        string? body = null;

        await Task.Run(() => slot.Invoke(ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("letters", UriKind.Relative));
            using var response = ctx.Http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            body = reader.ReadToEnd();
        })).WaitAsync(TestClock.Guard);

        Assert.AreEqual("abcdef", body);
        Assert.AreEqual(6, Assert.ContainsSingle(slot.Harvest().Endpoints).BytesIn);
    }

    [TestMethod]
    public async Task SendAsync_ResponseContentHeaders_AreKeptByTheCountingWrapper()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/problem+json"),
        });
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));
        string? mediaType = null;
        string? charSet = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("x", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            mediaType = response.Content.Headers.ContentType?.MediaType;
            charSet = response.Content.Headers.ContentType?.CharSet;
        });

        Assert.AreEqual("application/problem+json", mediaType);
        Assert.AreEqual("utf-8", charSet);
    }

    [TestMethod]
    public async Task SendAsync_InWarmUp_CountsNoBytes()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.OK, "payload")));

        await slot.InvokeAsync(
            async ctx =>
            {
                using var content = JsonContent.Create(new { a = 1 });
                using var response = await ctx.Http.PostAsync(new Uri("x", UriKind.Relative), content);
                await response.Content.ReadAsStringAsync();
            },
            measured: false);

        Assert.IsEmpty(slot.Harvest().Endpoints);
    }
}

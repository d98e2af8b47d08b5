// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>The counting wrapper must be transparent: a response's length stays what the content says it is, also
/// when the content computes it (StringContent, ByteArrayContent) instead of carrying a Content-Length header.</summary>
[TestClass]
public sealed class CountingContentLengthTests
{
    [TestMethod]
    public async Task SendAsync_StreamedResponseWhoseContentComputesItsLength_KeepsThatLength()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "0123456789");
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));
        long? length = null;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("digits", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            length = response.Content.Headers.ContentLength;
        });

        Assert.AreEqual(10, length, "without StressTest's wrapper the same response reports 10");
    }

    [TestMethod]
    public async Task SendAsync_ResponseWithContentLengthHeader_KeepsItsLengthAndOtherHeaders()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", "0123456789", "Content-Type: text/plain; charset=utf-8", "Content-Language: de"));
        using var slot = new MeasuredSlot(new HttpOptions(server.Address, []));
        long? length = null;
        string? type = null;
        string[] languages = [];

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("digits", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            length = response.Content.Headers.ContentLength;
            type = response.Content.Headers.ContentType?.ToString();
            languages = [.. response.Content.Headers.ContentLanguage];
        });

        Assert.AreEqual(10, length);
        Assert.AreEqual("text/plain; charset=utf-8", type);
        Assert.AreSequenceEqual(new[] { "de" }, languages);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Http;

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
}

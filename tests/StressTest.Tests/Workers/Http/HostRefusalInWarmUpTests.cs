// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>docs/http.md: a refused host fails the test "even if the method catches the exception" — in warm-up too, where
/// requests are not measured but a typo in a URL is no less a typo.</summary>
[TestClass]
public sealed class HostRefusalInWarmUpTests
{
    [TestMethod]
    public async Task SendAsync_RefusedHostCaughtInWarmUp_IsAProblemOfTheRun()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));
        var refused = false;

        await slot.InvokeAsync(
            async ctx =>
            {
                try
                {
                    using var response = await ctx.Http.GetAsync(new Uri("http://example.com/"));
                }
                catch (HostNotAllowedException)
                {
                    refused = true;
                }
            },
            measured: false);

        Assert.IsTrue(refused);
        Assert.Contains("refused to send a request to host \"example.com\"", Assert.ContainsSingle(slot.Run.Problems));
    }
}

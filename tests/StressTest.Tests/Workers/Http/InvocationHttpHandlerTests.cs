// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Sockets;
using HdrHistogram;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Tests.TestSupport;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Workers.Http;

/// <summary>
/// Every request of a measured invocation is recorded by endpoint: name (ids collapsed, or the one the test gave),
/// time to the response headers on the fake clock, status code (0 without a response), and an unaccepted status
/// makes the invocation an error. The run's real pipeline answers from a stub in place of the socket handler.
/// </summary>
[TestClass]
public sealed class InvocationHttpHandlerTests
{
    [TestMethod]
    public async Task SendAsync_PathsWithIds_AreOneEndpointWithTheIdsCollapsed()
    {
        var stub = new StubHandler();
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));

        await slot.InvokeAsync(async ctx =>
        {
            foreach (var id in new[] { "1", "42", "3f2504e0-4f89-11d3-9a0c-0305e82c3301" })
            {
                using var response = await ctx.Http.GetAsync(new Uri($"orders/{id}", UriKind.Relative));
            }
        });

        var endpoint = Assert.ContainsSingle(slot.Harvest().Endpoints);
        Assert.AreEqual("GET /orders/{id}", endpoint.Name);
        Assert.AreEqual(new StatusCount(200, 3), Assert.ContainsSingle(endpoint.StatusCodes));
        Assert.HasCount(3, stub.Requests);
    }

    [TestMethod]
    public async Task SendAsync_EndpointNameOption_ReportsTheRequestUnderThatName()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));

        await slot.InvokeAsync(async ctx =>
        {
            using var named = new HttpRequestMessage(HttpMethod.Get, new Uri("products/red-running-shoes", UriKind.Relative));
            named.Options.Set(StressHttp.EndpointName, "GET /products/{slug}");
            using var blank = new HttpRequestMessage(HttpMethod.Get, new Uri("products/blue-hat", UriKind.Relative));
            blank.Options.Set(StressHttp.EndpointName, " ");
            using var first = await ctx.Http.SendAsync(named);
            using var second = await ctx.Http.SendAsync(blank);
        });

        var names = slot.Harvest().Endpoints.Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.AreSequenceEqual(new[] { "GET /products/blue-hat", "GET /products/{slug}" }, names, "a blank name falls back to the automatic one");
    }

    [TestMethod]
    public async Task SendAsync_HostOtherThanTheBaseAddress_IsNamedWithItsAuthority()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("http://localhost:6001/items/7"));
        });

        Assert.AreEqual("GET localhost:6001/items/{id}", Assert.ContainsSingle(slot.Harvest().Endpoints).Name);
    }

    [TestMethod]
    public async Task SendAsync_MixedStatusCodes_AreCountedPerCodeAndOnlyUnacceptedOnesAreErrors()
    {
        var stub = new StubHandler(r => new HttpResponseMessage(r.RequestUri!.AbsolutePath switch
        {
            "/missing" => HttpStatusCode.NotFound,
            "/created" => HttpStatusCode.Created,
            _ => HttpStatusCode.OK,
        }));
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));

        await slot.InvokeAsync(async ctx =>
        {
            foreach (var path in new[] { "ok", "ok", "created", "missing" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                request.Options.Set(StressHttp.EndpointName, "GET /any");
                using var response = await ctx.Http.SendAsync(request);
            }
        });

        var endpoint = Assert.ContainsSingle(slot.Harvest().Endpoints);
        Assert.AreSequenceEqual(new[] { new StatusCount(200, 2), new StatusCount(201, 1), new StatusCount(404, 1) }, endpoint.StatusCodes.OrderBy(c => c.Code).ToArray());
        Assert.AreEqual(1, endpoint.Errors);
    }

    [TestMethod]
    public async Task SendAsync_UnacceptedStatus_IsAnEndpointErrorAndTheInvocationsHttpError()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.InternalServerError, "boom")));
        HttpStatusCode? seen = null;

        await slot.InvokeAsync(async ctx =>
        {
            // The method neither checks the status nor throws: the run still counts the invocation as failed.
            using var response = await ctx.Http.GetAsync(new Uri("orders/17", UriKind.Relative));
            seen = response.StatusCode;
        });

        Assert.AreEqual(HttpStatusCode.InternalServerError, seen);
        var interval = slot.Harvest();
        var endpoint = Assert.ContainsSingle(interval.Endpoints);
        Assert.AreEqual(1, endpoint.Errors);
        Assert.AreEqual(new StatusCount(500, 1), Assert.ContainsSingle(endpoint.StatusCodes));
        var error = Assert.ContainsSingle(interval.Errors);
        Assert.AreEqual("HTTP 500", error.Kind);
        Assert.AreEqual(ErrorCategories.Http, error.Category);
        Assert.StartsWith("GET /orders/{id} answered 500", error.FirstMessage);
    }

    [TestMethod]
    public async Task SendAsync_StatusListedInAcceptStatus_IsNeitherAnEndpointNorAnInvocationError()
    {
        var options = MeasuredSlot.Stubbed(new StubHandler(HttpStatusCode.NotFound)) with { AcceptStatus = StatusCodeSet.Parse("2xx, 404").Value! };
        using var slot = new MeasuredSlot(options);

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("orders/404", UriKind.Relative));
        });

        var interval = slot.Harvest();
        var endpoint = Assert.ContainsSingle(interval.Endpoints);
        Assert.AreEqual(0, endpoint.Errors);
        Assert.AreEqual(new StatusCount(404, 1), Assert.ContainsSingle(endpoint.StatusCodes));
        Assert.IsEmpty(interval.Errors);
    }

    [TestMethod]
    public async Task SendAsync_InWarmUp_PassesThroughUnmeasured()
    {
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));

        await slot.InvokeAsync(
            async ctx =>
            {
                using var response = await ctx.Http.GetAsync(new Uri("health", UriKind.Relative));
            },
            measured: false);

        Assert.ContainsSingle(stub.Requests);
        var interval = slot.Harvest();
        Assert.IsEmpty(interval.Endpoints);
        Assert.IsEmpty(interval.Errors);
    }

    [TestMethod]
    public async Task SendAsync_ServerTakes7Ms_EndpointLatencyIsTheTimeToTheResponse()
    {
        var clock = default(TestClock);
        var stub = new StubHandler { OnSend = _ => clock!.Advance(TimeSpan.FromMilliseconds(7)) };
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));
        clock = slot.Clock;

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("orders", UriKind.Relative));
            slot.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the method's own work after the response
        });

        var interval = slot.Harvest();
        AssertSingleValue(Assert.ContainsSingle(interval.Endpoints).Latency, 7_000);
        AssertSingleValue(interval.Latency, 12_000);
    }

    [TestMethod]
    public async Task SendAsync_NoResponse_CountsStatusZeroAsAnErrorAndRethrows()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:5080)", new SocketException((int)SocketError.ConnectionRefused));
        var stub = new StubHandler(_ => throw refused);
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));

        await slot.InvokeAsync(ctx => ctx.Http.GetAsync(new Uri("orders", UriKind.Relative)));

        var interval = slot.Harvest();
        var endpoint = Assert.ContainsSingle(interval.Endpoints);
        Assert.AreEqual(new StatusCount(0, 1), Assert.ContainsSingle(endpoint.StatusCodes));
        Assert.AreEqual(1, endpoint.Errors);
        var error = Assert.ContainsSingle(interval.Errors);
        Assert.AreEqual(ErrorCategories.ConnectionRefused, error.Category, "the exception reached the method unchanged");
        Assert.Contains("Connection refused (127.0.0.1:5080)", error.FirstMessage);
        Assert.IsEmpty(slot.Run.Problems, "only a host refusal is a problem of the run");
    }

    [TestMethod]
    public async Task SendAsync_FailsWhileTheRunStops_IsNeitherMeasuredNorAnEndpointError()
    {
        var slotRef = default(MeasuredSlot);
        var stub = new StubHandler(_ =>
        {
            slotRef!.Run.Stop();
            throw new OperationCanceledException("run cancelled");
        });
        using var slot = slotRef = new MeasuredSlot(MeasuredSlot.Stubbed(stub));

        await slot.InvokeAsync(async ctx =>
        {
            try
            {
                using var response = await ctx.Http.GetAsync(new Uri("orders", UriKind.Relative));
            }
            catch (OperationCanceledException)
            {
            }
        });

        Assert.IsEmpty(slot.Harvest().Endpoints);
    }

    [TestMethod]
    public async Task Send_Synchronous_IsMeasuredLikeSendAsync()
    {
        var clock = default(TestClock);
        var stub = new StubHandler(HttpStatusCode.BadGateway) { OnSend = _ => clock!.Advance(TimeSpan.FromMilliseconds(3)) };
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(stub));
        clock = slot.Clock;

        await Task.Run(() => slot.Invoke(ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("orders/9", UriKind.Relative));
            using var response = ctx.Http.Send(request);
        })).WaitAsync(TestClock.Guard);

        var interval = slot.Harvest();
        var endpoint = Assert.ContainsSingle(interval.Endpoints);
        Assert.AreEqual("DELETE /orders/{id}", endpoint.Name);
        Assert.AreEqual(new StatusCount(502, 1), Assert.ContainsSingle(endpoint.StatusCodes));
        AssertSingleValue(endpoint.Latency, 3_000);
        Assert.AreEqual("HTTP 502", Assert.ContainsSingle(interval.Errors).Kind);
    }

    private static void AssertSingleValue(byte[] encoded, long microseconds)
    {
        HistogramBase histogram = HistogramCodec.Decode(encoded);
        Assert.AreEqual(1, histogram.TotalCount);
        Assert.AreEqual(histogram.LowestEquivalentValue(microseconds), histogram.LowestEquivalentValue(histogram.GetMaxValue()));
    }
}

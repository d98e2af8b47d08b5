// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Sockets;
using StressTest.Mocks.Tests.TestSupport;

namespace StressTest.Mocks.Tests.Server;

/// <summary>The server form on real Kestrel and real sockets: what a caller sees of each outcome, and what is counted.
/// No timings are asserted.</summary>
[TestClass]
public sealed class MockServerTests
{
    private static MockServer _server = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        _server = await MockServer.StartAsync(TestProfiles.OneOfEach(), cancellationToken: context.CancellationToken);
        _client = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [TestMethod]
    public void BaseAddress_LoopbackWithAFreePort()
    {
        Assert.AreEqual("127.0.0.1", _server.BaseAddress.Host);
        Assert.AreNotEqual(0, _server.BaseAddress.Port);
        Assert.AreEqual("/", _server.BaseAddress.AbsolutePath);
    }

    [TestMethod]
    public async Task Route_Matching_AnswersItsResponse()
    {
        using var response = await _client.PostAsync("v1/charges?capture=true", new StringContent("{}"));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("""{"status":"succeeded"}""", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Route_Template_MatchesAnyIdSegment()
    {
        Assert.AreEqual("charge", await _client.GetStringAsync("v1/charges/ch_123"));
        Assert.AreEqual("charge", await _client.GetStringAsync("V1/CHARGES/42/"));
    }

    [TestMethod]
    public async Task NoRoute_404AndCountedAsUnmatched()
    {
        using var response = await _client.DeleteAsync("v1/charges/1");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsGreaterThanOrEqualTo(1L, _server.Dependency.Served["unmatched 404"]);
    }

    [TestMethod]
    public async Task StatusFailure_SendsItsStatusBodyAndHeaders()
    {
        using var response = await _client.PutAsync("unavailable", null);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual("down", await response.Content.ReadAsStringAsync());
        Assert.AreEqual(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.AreEqual("yes", response.Headers.GetValues("X-Mock").Single());
        Assert.IsGreaterThanOrEqualTo(1L, _server.Dependency.Served["* /unavailable 503"]);
    }

    [TestMethod]
    public async Task Timeout_NeverAnswersUntilTheCallerGivesUp()
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(() => _client.GetAsync("hang", giveUp.Token));

        Assert.IsGreaterThanOrEqualTo(1L, _server.Dependency.Served["GET /hang timeout"]);
    }

    [TestMethod]
    public async Task Reset_CallerSeesAConnectionReset()
    {
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync("reset"));

        Assert.IsTrue(Causes(ex).Any(e => e is SocketException { SocketErrorCode: SocketError.ConnectionReset } or HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }), ex.ToString());
        Assert.IsGreaterThanOrEqualTo(1L, _server.Dependency.Served["GET /reset reset"]);
    }

    [TestMethod]
    public async Task SlowBody_TheWholeBodyArrives()
    {
        Assert.AreEqual("0123456789", await _client.GetStringAsync("slow"));
        Assert.IsGreaterThanOrEqualTo(1L, _server.Dependency.Served["GET /slow slow body"]);
    }

    [TestMethod]
    public async Task RateLimit_AboveTheRate_429WithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _client.GetAsync("limited");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta!.Value);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.IsGreaterThanOrEqualTo(1L, _server.Dependency.Served["GET /limited rate limited 429"]);
    }

    [TestMethod]
    public async Task DisposeAsync_WithARequestHanging_StopsAndTheCallerSeesNoAnswer()
    {
        var server = await MockServer.StartAsync(TestProfiles.OneOfEach());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var hanging = client.GetAsync("hang");
        while (server.Dependency.Served["GET /hang timeout"] == 0)
        {
            await Task.Yield();
        }

        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => hanging);
        Assert.AreEqual(1L, server.Dependency.Served["GET /hang timeout"], "counts stay readable after stopping");
    }

    [TestMethod]
    public async Task StartAsync_PortInUse_IOException()
    {
        await Assert.ThrowsAsync<IOException>(() => MockServer.StartAsync(TestProfiles.OneOfEach(), port: _server.BaseAddress.Port));
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}

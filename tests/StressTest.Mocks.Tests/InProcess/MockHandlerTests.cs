// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using StressTest.Mocks.Tests.TestSupport;

namespace StressTest.Mocks.Tests.InProcess;

/// <summary>The in-process form on a fake clock: what the caller sees of each outcome, and waits driven by the clock.</summary>
[TestClass]
public sealed class MockHandlerTests
{
    private static readonly Uri Base = new("https://gateway.invalid/");

    [TestMethod]
    public async Task SendAsync_AfterTheLatency_AnswersTheRoutesResponse()
    {
        var time = new FakeTimeProvider();
        var profile = new MockProfile("gateway") { Routes = { new MockRoute("POST", "/v1/charges") { Response = MockResponse.Json(201, "{}"), Latency = Latency.Constant(TimeSpan.FromMilliseconds(40)) } } };
        var mock = new MockDependency(profile, time);
        using var client = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };

        var sending = client.PostAsync("v1/charges", null);
        Assert.IsFalse(sending.IsCompleted, "waits for the latency");
        time.Advance(TimeSpan.FromMilliseconds(40));
        using var response = await sending;

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("{}", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task SendAsync_StatusFailure_StatusBodyAndHeaders()
    {
        var mock = new MockDependency(TestProfiles.OneOfEach(), new FakeTimeProvider());
        using var client = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };

        using var response = await client.GetAsync("unavailable");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual("down", await response.Content.ReadAsStringAsync());
        Assert.AreEqual(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.AreEqual("yes", response.Headers.GetValues("X-Mock").Single());
    }

    [TestMethod]
    public async Task SendAsync_Timeout_HangsUntilTheCallersTimeout()
    {
        var time = new FakeTimeProvider();
        var mock = new MockDependency(TestProfiles.OneOfEach(), time);
        using var client = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };
        using var giveUp = new CancellationTokenSource();

        var sending = client.GetAsync("hang", giveUp.Token);
        time.Advance(TimeSpan.FromHours(1));
        Assert.IsFalse(sending.IsCompleted, "no answer, however long");
        await giveUp.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => sending);
        Assert.AreEqual(1L, mock.Served["GET /hang timeout"]);
    }

    [TestMethod]
    public async Task SendAsync_Reset_ThrowsAsSocketsHttpHandlerDoes()
    {
        var mock = new MockDependency(TestProfiles.OneOfEach(), new FakeTimeProvider());
        using var client = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("reset"));

        Assert.IsInstanceOfType<IOException>(ex.InnerException);
        Assert.AreEqual(SocketError.ConnectionReset, ((SocketException)ex.InnerException.InnerException!).SocketErrorCode);
    }

    [TestMethod]
    public async Task SendAsync_SlowBody_TrickledAtThePaceOfTheClock()
    {
        var time = new FakeTimeProvider();
        var mock = new MockDependency(TestProfiles.OneOfEach(), time);
        using var client = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };

        using var response = await client.GetAsync("slow", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        var first = stream.ReadAsync(buffer).AsTask();
        Assert.IsFalse(first.IsCompleted, "100 B/s: the first 10-byte chunk is due after 100 ms");
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.AreEqual(10, await first);
        Assert.AreEqual("0123456789", System.Text.Encoding.UTF8.GetString(buffer, 0, 10));
        Assert.AreEqual(10L, response.Content.Headers.ContentLength);
    }

    [TestMethod]
    public async Task SendAsync_RateLimit_429AfterTheBucketEmptiesAndServesAgainWhenItRefills()
    {
        var time = new FakeTimeProvider();
        var mock = new MockDependency(TestProfiles.OneOfEach(), time);
        using var client = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };

        async Task<HttpStatusCode> GetAsync()
        {
            using var response = await client.GetAsync("limited");
            return response.StatusCode;
        }

        Assert.AreEqual(HttpStatusCode.OK, await GetAsync());
        Assert.AreEqual(HttpStatusCode.OK, await GetAsync());
        Assert.AreEqual(HttpStatusCode.TooManyRequests, await GetAsync());
        time.Advance(TimeSpan.FromMilliseconds(500));   // 2/s: one token back
        Assert.AreEqual(HttpStatusCode.OK, await GetAsync());
        Assert.AreEqual(HttpStatusCode.TooManyRequests, await GetAsync());
        Assert.AreEqual(2L, mock.Served["GET /limited rate limited 429"]);
    }

    [TestMethod]
    public async Task CreateHandler_ManyHandlers_ShareOneSequenceAndOneCount()
    {
        var mock = new MockDependency(TestProfiles.OneOfEach(), new FakeTimeProvider());
        using var first = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };
        using var second = new HttpClient(mock.CreateHandler()) { BaseAddress = Base };

        (await first.GetAsync("v1/charges/1")).Dispose();
        (await second.GetAsync("v1/charges/2")).Dispose();
        (await second.GetAsync("nowhere")).Dispose();

        Assert.AreEqual(2L, mock.Served["GET /v1/charges/{id} 200"]);
        Assert.AreEqual(1L, mock.Served["unmatched 404"]);
        Assert.AreEqual(0L, mock.Served["POST /v1/charges 201"], "configured outcomes are listed even when they never happened");
        Assert.IsFalse(mock.Served.ContainsKey("GET /v1/charges/{id} rate limited 429"), "no rate limit, no such line");
    }
}

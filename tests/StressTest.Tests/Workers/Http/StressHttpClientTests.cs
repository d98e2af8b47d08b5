// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>The run's HttpClient: its defaults, one instance, the host guard in its pipeline, and how it talks to a
/// real server on loopback.</summary>
[TestClass]
public sealed class StressHttpClientTests
{
    /// <summary>Generous for a request that must fail before any I/O; a DNS lookup or connect attempt to a real host
    /// could take this long where there is no network.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [TestMethod]
    public void Client_WithBaseAddress_HasItAndNoClientTimeout()
    {
        var baseAddress = new Uri("http://127.0.0.1:5080/api/");
        using var http = new HttpRun(new HttpOptions(baseAddress, []), 4);

        var client = http.Client;

        Assert.AreEqual(baseAddress, client.BaseAddress);
        Assert.AreEqual(Timeout.InfiniteTimeSpan, client.Timeout);
    }

    [TestMethod]
    public void Client_NoBaseAddress_HasThePlaceholderThatNamesTheFix()
    {
        using var http = new HttpRun(HttpOptions.None, 1);

        Assert.AreEqual(NoBaseAddress.Uri, http.Client.BaseAddress);
        Assert.AreEqual(Timeout.InfiniteTimeSpan, http.Client.Timeout);
    }

    [TestMethod]
    public async Task SendAsync_RelativeRequestWithoutBaseAddress_StopsTheRunNamingTheThreeWaysToSetOne()
    {
        using var http = new HttpRun(HttpOptions.None, 1);

        var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => http.Client.GetAsync("products/1?api_key=k1"));

        const string Expected = "StressContext.Http sent GET /products/1?api_key=***, a relative URI, but the run has no base address: set the BaseUrl setting (dotnet test -- StressTest.BaseUrl=http://127.0.0.1:5000/), the STRESSTEST_BASEURL environment variable, or StressSetupContext.BaseAddress in [StressSetup]; or send absolute URIs.";
        Assert.AreEqual(Expected, error.Message);
        Assert.IsTrue(http.Run.IsStopping, "every request would fail the same way: the run stops at the first");
        Assert.AreEqual(Expected, Assert.ContainsSingle(http.Run.Problems));
    }

    [TestMethod]
    public void Client_ReadTwice_IsTheSameInstance()
    {
        using var http = new HttpRun(HttpOptions.None, 1);

        var first = http.Client;
        var second = http.Client;

        Assert.AreSame(first, second);
    }

    [TestMethod]
    public void Client_ReadByManyThreadsAtOnce_IsOneInstance()
    {
        const int Threads = 16;
        using var http = new HttpRun(HttpOptions.None, Threads);
        using var start = new Barrier(Threads);
        var seen = new HttpClient?[Threads];
        var threads = Enumerable.Range(0, Threads)
            .Select(i => new Thread(() =>
            {
                start.SignalAndWait(TestClock.Guard);
                seen[i] = http.Client;
            }))
            .ToList();

        threads.ForEach(t => t.Start());
        foreach (var thread in threads)
        {
            Assert.IsTrue(thread.Join(TestClock.Guard), "a thread reading the client did not finish");
        }

        Assert.IsNotNull(seen[0]);
        Assert.IsTrue(seen.All(c => ReferenceEquals(c, seen[0])), "every thread must see the same client");
        Assert.AreSame(seen[0], http.Client);
    }

    [TestMethod]
    public async Task GetAsync_HostNotAllowed_IsRefusedQuicklyWithoutSendingAnything()
    {
        using var http = new HttpRun(new HttpOptions(new Uri("http://127.0.0.1:5080/"), ["staging.test"]), 1);
        var stopwatch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsExactlyAsync<HostNotAllowedException>(
            () => http.Client.GetAsync(new Uri("http://example.com/")).WaitAsync(TestClock.Guard));

        Assert.IsLessThan(Quickly, stopwatch.Elapsed, "the guard refuses before any DNS lookup or connection");
        Assert.Contains("refused to send a request to host \"example.com\"", exception.Message);
        Assert.Contains("AllowedHosts", exception.Message);
    }

    [TestMethod]
    public void Send_HostNotAllowedSynchronously_IsRefusedQuicklyWithoutSendingAnything()
    {
        using var http = new HttpRun(HttpOptions.None, 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://example.com/");
        var stopwatch = Stopwatch.StartNew();

        var exception = Assert.ThrowsExactly<HostNotAllowedException>(() => http.Client.Send(request));

        Assert.IsLessThan(Quickly, stopwatch.Elapsed, "the guard refuses before any DNS lookup or connection");
        Assert.Contains("refused to send a request to host \"example.com\"", exception.Message);
    }

    [TestMethod]
    public async Task Send_LoopbackServerSynchronously_Succeeds()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", "pong"));
        using var http = new HttpRun(new HttpOptions(server.Address, []), 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("ping", UriKind.Relative));

        using var response = await Task.Run(() => http.Client.Send(request)).WaitAsync(TestClock.Guard);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("GET /ping HTTP/1.1", Assert.ContainsSingle(server.Requests));
    }

    [TestMethod]
    [DataRow("http://stress-allowed.invalid/", false)]
    [DataRow("http://STRESS-ALLOWED.invalid:8080/x", false)]
    [DataRow("http://stress-base.invalid/", false)]
    [DataRow("http://stress-refused.invalid/", true)]
    public async Task GetAsync_WithCancelledToken_IsRefusedOnlyForHostsNotAllowed(string url, bool refused)
    {
        // A cancelled token stops whatever passes the guard before anything is sent; HttpClient then reports any
        // failure as a cancellation, with the guard's refusal as its inner exception.
        using var http = new HttpRun(new HttpOptions(new Uri("http://stress-base.invalid:5080/"), ["stress-allowed.invalid"]), 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exception = await Assert.ThrowsAsync<OperationCanceledException>(
            () => http.Client.GetAsync(new Uri(url), cancelled.Token).WaitAsync(TestClock.Guard));

        var refusal = Chain(exception).OfType<HttpRequestException>().FirstOrDefault();
        Assert.AreEqual(refused, refusal is not null, exception.ToString());
        if (refused)
        {
            Assert.Contains("refused to send a request to host \"stress-refused.invalid\"", refusal!.Message);
        }
    }

    [TestMethod]
    public async Task GetAsync_LoopbackServer_SendsTheRelativeRequestToTheBaseAddressAndSucceeds()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", "pong"));
        using var http = new HttpRun(new HttpOptions(new Uri(server.Address, "api/"), []), 1);

        using var response = await http.Client.GetAsync(new Uri("ping", UriKind.Relative)).WaitAsync(TestClock.Guard);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("pong", await response.Content.ReadAsStringAsync());
        var request = Assert.ContainsSingle(server.Requests);
        Assert.StartsWith("GET /api/ping HTTP/1.1\r\n", request);
    }

    [TestMethod]
    public async Task GetAsync_ResponseSetsACookie_TheCookieIsNotSentBack()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", "", "Set-Cookie: session=abc123; Path=/"));
        using var http = new HttpRun(new HttpOptions(server.Address, []), 1);

        using (var first = await http.Client.GetAsync(new Uri("login", UriKind.Relative)).WaitAsync(TestClock.Guard))
        {
            Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
            Assert.IsTrue(first.Headers.TryGetValues("Set-Cookie", out _), "the response's Set-Cookie is left to the test to read");
        }

        using var second = await http.Client.GetAsync(new Uri("orders", UriKind.Relative)).WaitAsync(TestClock.Guard);

        Assert.AreEqual(HttpStatusCode.OK, second.StatusCode);
        Assert.HasCount(2, server.Requests);
        Assert.IsFalse(
            server.Requests[1].Split("\r\n").Any(l => l.StartsWith("Cookie:", StringComparison.OrdinalIgnoreCase)),
            "workers must not share one cookie jar: " + server.Requests[1]);
        Assert.DoesNotContain("abc123", server.Requests[1]);
    }

    [TestMethod]
    public async Task GetAsync_Redirect_IsReturnedAsIsNotFollowed()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("302 Found", "", "Location: /elsewhere"));
        using var http = new HttpRun(new HttpOptions(server.Address, []), 1);

        using var response = await http.Client.GetAsync(new Uri("start", UriKind.Relative)).WaitAsync(TestClock.Guard);

        Assert.AreEqual(HttpStatusCode.Found, response.StatusCode);
        Assert.AreEqual("/elsewhere", response.Headers.Location?.OriginalString);
        var request = Assert.ContainsSingle(server.Requests, "the redirect's target must not be requested");
        Assert.StartsWith("GET /start HTTP/1.1", request);
    }

    [TestMethod]
    public async Task GetAsync_GzipResponse_IsDecompressedAndCompressionIsOffered()
    {
        var body = Gzip("hello, compressed world");
        await using var server = new LoopbackServer(_ => LoopbackServer.Response("200 OK", body, "Content-Encoding: gzip", "Content-Type: text/plain"));
        using var http = new HttpRun(new HttpOptions(server.Address, []), 1);

        using var response = await http.Client.GetAsync(new Uri("data", UriKind.Relative)).WaitAsync(TestClock.Guard);

        Assert.AreEqual("hello, compressed world", await response.Content.ReadAsStringAsync());
        var acceptEncoding = Assert.ContainsSingle(server.Requests).Split("\r\n").Single(l => l.StartsWith("Accept-Encoding:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("gzip", acceptEncoding);
    }

    [TestMethod]
    public async Task GetAsync_MoreRequestsInFlightThanConnections_OpensOnlyAsManyConnections()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackServer(async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return LoopbackServer.Response("200 OK", "done");
        });
        using var http = new HttpRun(new HttpOptions(server.Address, []), 2);
        try
        {
            var requests = Enumerable.Range(0, 3).Select(i => http.Client.GetAsync(new Uri($"r{i}", UriKind.Relative))).ToList();
            TestClock.WaitUntil(() => server.Requests.Count >= 2, "two requests to reach the server");

            // Real time: a third connection, if the pool allowed one, would be open long before this.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.AreEqual(2, server.Accepted, "the pool must not open more connections than invocations in flight");

            release.SetResult();
            var responses = await Task.WhenAll(requests).WaitAsync(TestClock.Guard);
            Assert.IsTrue(responses.All(r => r.StatusCode == HttpStatusCode.OK));
            Assert.HasCount(3, server.Requests);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [TestMethod]
    public void Dispose_NeverUsedOrTwice_DoesNotThrow()
    {
        var http = new StressHttpClient(HttpOptions.None, connections: 1);

        http.Dispose();
        http.Dispose();
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}

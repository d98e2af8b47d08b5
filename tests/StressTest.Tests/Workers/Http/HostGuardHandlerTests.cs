// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Plan.Methods;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>The host guard: loopback, the base address's host and AllowedHosts pass; anything else is refused
/// before the request reaches the handler that would send it.</summary>
[TestClass]
public sealed class HostGuardHandlerTests
{
    [TestMethod]
    [DataRow("http://localhost/")]
    [DataRow("http://LOCALHOST:8080/orders")]
    [DataRow("https://localhost:5001/")]
    [DataRow("http://127.0.0.1/")]
    [DataRow("http://127.0.0.1:5080/api/orders?page=2")]
    [DataRow("http://127.8.9.10/")]
    [DataRow("http://127.255.255.254:1/")]
    [DataRow("http://[::1]/")]
    [DataRow("http://[::1]:5080/api")]
    [DataRow("http://api.localhost/")]
    [DataRow("http://a.b.localhost:9000/")]
    public async Task SendAsync_LoopbackHost_ReachesTheInnerHandler(string url)
    {
        var inner = new RecordingHandler();
        using var invoker = Invoker(HttpOptions.None, inner);

        using var response = await Send(invoker, url);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(new Uri(url), Assert.ContainsSingle(inner.Requests));
    }

    [TestMethod]
    [DataRow("http://api.test.internal:8080/", "http://api.test.internal:8080/orders")]
    [DataRow("http://api.test.internal:8080/", "https://api.test.internal/other-port")]
    [DataRow("https://10.1.2.3/", "http://10.1.2.3:81/")]
    [DataRow("http://[2001:db8::1]:8080/", "http://[2001:db8::1]:8080/x")]
    public async Task SendAsync_BaseAddressHost_ReachesTheInnerHandler(string baseAddress, string url)
    {
        var inner = new RecordingHandler();
        using var invoker = Invoker(new HttpOptions(new Uri(baseAddress), []), inner);

        using var response = await Send(invoker, url);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.HasCount(1, inner.Requests);
    }

    [TestMethod]
    [DataRow("staging.example.com", "http://staging.example.com/")]
    [DataRow("Staging.Example.COM", "http://staging.example.com/orders")]
    [DataRow("staging.example.com", "https://STAGING.EXAMPLE.COM:8443/")]
    [DataRow("10.0.0.5", "http://10.0.0.5:8080/")]
    [DataRow("2001:db8::5", "http://[2001:db8::5]:8080/")]
    [DataRow("[2001:db8::5]", "http://[2001:db8::5]/")]
    [DataRow("2001:DB8:0:0::5", "http://[2001:db8::5]/")]
    [DataRow("2001:db8::5", "http://[2001:DB8:0:0:0:0:0:5]/")]
    public async Task SendAsync_AllowedHost_ReachesTheInnerHandlerWhateverTheCase(string allowed, string url)
    {
        var inner = new RecordingHandler();
        using var invoker = Invoker(new HttpOptions(null, ["other.test", allowed]), inner);

        using var response = await Send(invoker, url);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.HasCount(1, inner.Requests);
    }

    [TestMethod]
    [DataRow("http://example.com/", "example.com")]
    [DataRow("https://example.com:443/orders", "example.com")]
    [DataRow("http://10.0.0.1/", "10.0.0.1")]
    [DataRow("http://192.168.1.1:8080/", "192.168.1.1")]
    [DataRow("http://api.example.com/", "api.example.com")]
    [DataRow("http://localhost.example.com/", "localhost.example.com")]
    [DataRow("http://notlocalhost/", "notlocalhost")]
    [DataRow("http://128.0.0.1/", "128.0.0.1")]
    [DataRow("http://0.0.0.0/", "0.0.0.0")]
    public async Task SendAsync_OtherHost_IsRefusedBeforeTheInnerHandlerNamingTheHostAndTheSetting(string url, string host)
    {
        var inner = new RecordingHandler();
        using var invoker = Invoker(new HttpOptions(new Uri("http://api.test.internal/"), ["example.org", "staging.example.com"]), inner);

        var exception = await Assert.ThrowsExactlyAsync<HostNotAllowedException>(() => Send(invoker, url));

        Assert.IsEmpty(inner.Requests, "a refused request must never reach the handler that sends it");
        Assert.Contains($"refused to send a request to host \"{host}\"", exception.Message);
        Assert.Contains("AllowedHosts", exception.Message);
        Assert.Contains($"<AllowedHosts>{host}</AllowedHosts>", exception.Message);
        Assert.Contains($"StressTest.AllowedHosts={host}", exception.Message);
    }

    [TestMethod]
    [DataRow("http://example.com/", "example.com")]
    [DataRow("http://10.0.0.1/", "10.0.0.1")]
    public void Send_OtherHostSynchronously_IsRefusedBeforeTheInnerHandler(string url, string host)
    {
        // HttpClient.Send goes down the handlers' synchronous path: the guard must stand there too.
        var inner = new RecordingHandler();
        using var invoker = Invoker(HttpOptions.None, inner);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        var exception = Assert.ThrowsExactly<HostNotAllowedException>(() => invoker.Send(request, CancellationToken.None));

        Assert.IsEmpty(inner.Requests, "a refused request must never reach the handler that sends it");
        Assert.Contains($"refused to send a request to host \"{host}\"", exception.Message);
        Assert.Contains("AllowedHosts", exception.Message);
    }

    [TestMethod]
    public void Send_LoopbackHostSynchronously_ReachesTheInnerHandler()
    {
        var inner = new RecordingHandler();
        using var invoker = Invoker(HttpOptions.None, inner);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5080/");

        using var response = invoker.Send(request, CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.HasCount(1, inner.Requests);
    }

    [TestMethod]
    public async Task SendAsync_NoBaseAddressNorAllowedHosts_RefusesEveryNonLoopbackHost()
    {
        var inner = new RecordingHandler();
        using var invoker = Invoker(HttpOptions.None, inner);

        await Assert.ThrowsExactlyAsync<HostNotAllowedException>(() => Send(invoker, "http://api.test.internal/"));

        Assert.IsEmpty(inner.Requests);
    }

    [TestMethod]
    [DataRow("http://localhost/", true)]
    [DataRow("http://[::1]/", true)]
    [DataRow("http://127.0.0.1/", true)]
    [DataRow("http://api.test.internal:1234/", true)]
    [DataRow("http://allowed.test/", true)]
    [DataRow("http://example.com/", false)]
    [DataRow("http://10.0.0.1/", false)]
    public void IsAllowed_Host_MatchesTheRules(string url, bool expected)
    {
        using var guard = new HostGuardHandler(new HttpOptions(new Uri("http://api.test.internal/"), ["ALLOWED.test"]));

        Assert.AreEqual(expected, guard.IsAllowed(new Uri(url)));
    }

    [TestMethod]
    public void Constructor_NullOptions_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new HostGuardHandler(null!));
    }

    private static HttpMessageInvoker Invoker(HttpOptions options, RecordingHandler inner) =>
        new(new HostGuardHandler(options) { InnerHandler = inner });

    private static async Task<HttpResponseMessage> Send(HttpMessageInvoker invoker, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await invoker.SendAsync(request, CancellationToken.None);
    }

    /// <summary>Stands in for the handler that would send the request: records it and answers 200.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly List<Uri> _requests = [];

        public IReadOnlyList<Uri> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests)
            {
                _requests.Add(request.RequestUri!);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        }
    }
}

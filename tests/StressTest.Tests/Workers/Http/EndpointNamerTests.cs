// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>Endpoint names: method and path, ids collapsed to {id}, the authority only for another host.</summary>
[TestClass]
public sealed class EndpointNamerTests
{
    private const string Base = "api.local:8080";

    [TestMethod]
    [DataRow("http://api.local:8080/orders", "GET /orders")]
    [DataRow("http://api.local:8080/orders/42", "GET /orders/{id}")]
    [DataRow("http://api.local:8080/orders/42/", "GET /orders/{id}/")]
    [DataRow("http://api.local:8080/orders/", "GET /orders/")]
    [DataRow("http://api.local:8080/v1/users/42/orders/7", "GET /v1/users/{id}/orders/{id}")]
    [DataRow("http://api.local:8080/v2/items", "GET /v2/items")]
    [DataRow("http://api.local:8080/reports/2024", "GET /reports/{id}")]
    [DataRow("http://api.local:8080/0", "GET /{id}")]
    [DataRow("http://api.local:8080", "GET /")]
    [DataRow("http://api.local:8080/", "GET /")]
    [DataRow("http://api.local:8080/orders/42?page=2&token=abc", "GET /orders/{id}")]
    [DataRow("http://api.local:8080/orders/42#details", "GET /orders/{id}")]
    [DataRow("http://api.local:8080/orders//42", "GET /orders//{id}")]
    [DataRow("http://api.local:8080/Orders/ABC", "GET /Orders/ABC")]
    public void Name_PathWithNumbers_CollapsesEachNumberSegment(string url, string expected)
    {
        Assert.AreEqual(expected, EndpointNamer.Name(HttpMethod.Get, new Uri(url), Base));
    }

    [TestMethod]
    [DataRow("/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "/orders/{id}")]
    [DataRow("/orders/3F2504E0-4F89-11D3-9A0C-0305E82C3301", "/orders/{id}")]
    [DataRow("/orders/3f2504e04f8911d39a0c0305e82c3301", "/orders/{id}")]
    [DataRow("/orders/{3f2504e0-4f89-11d3-9a0c-0305e82c3301}", "/orders/{id}")]
    [DataRow("/orders/(3f2504e0-4f89-11d3-9a0c-0305e82c3301)", "/orders/{id}")]
    [DataRow("/orders/12345678-1234-1234-1234-123456789012/items", "/orders/{id}/items")]
    [DataRow("/blobs/507f1f77bcf86cd799439011", "/blobs/{id}")]
    [DataRow("/commits/deadbeefdeadbeef", "/commits/{id}")]
    [DataRow("/commits/DEADBEEFDEADBEEF", "/commits/{id}")]
    [DataRow("/things/01ARZ3NDEKTSV4RRFFQ69G5FAV", "/things/{id}")]
    [DataRow("/customers/cus_NffrFeUfNV2Hib", "/customers/{id}")]
    [DataRow("/files/V1StGXR8_Z5jdHi6B-myT", "/files/{id}")]
    [DataRow("/parts/3f2504e0-4f89-11d3-9a0c", "/parts/{id}")]
    [DataRow("/a/42/b/3f2504e0-4f89-11d3-9a0c-0305e82c3301/c/01ARZ3NDEKTSV4RRFFQ69G5FAV", "/a/{id}/b/{id}/c/{id}")]
    public void Name_IdLikeSegment_IsCollapsed(string path, string expected)
    {
        Assert.AreEqual("GET " + expected, EndpointNamer.Name(HttpMethod.Get, new Uri("http://api.local:8080" + path), Base));
    }

    [TestMethod]
    [DataRow("/orders")]
    [DataRow("/v1/users")]
    [DataRow("/api/v10/health")]
    [DataRow("/deadbeef")]
    [DataRow("/cafebabecafebab")]
    [DataRow("/utf8/x86_64/arm64")]
    [DataRow("/oauth2-authorization/token")]
    [DataRow("/products/the-very-long-product-name-with-no-digits")]
    [DataRow("/ipv6-address-2024-report")]
    [DataRow("/orders/-42")]
    [DataRow("/orders/4.2")]
    [DataRow("/orders/42abc")]
    [DataRow("/search/caf%C3%A9")]
    public void Name_OrdinarySegment_IsKept(string path)
    {
        var uri = new Uri("http://api.local:8080" + path);

        Assert.AreEqual("GET " + uri.AbsolutePath, EndpointNamer.Name(HttpMethod.Get, uri, Base));
    }

    [TestMethod]
    public void Name_IdsBeyondTheSixtyFourthSegment_AreKept()
    {
        var path = "/" + string.Join("/", Enumerable.Repeat("a", 62)) + "/1/2/3";

        var name = EndpointNamer.Name(HttpMethod.Get, new Uri("http://api.local:8080" + path), Base);

        Assert.AreEqual("GET /" + string.Join("/", Enumerable.Repeat("a", 62)) + "/{id}/2/3", name);
    }

    [TestMethod]
    [DataRow("POST")]
    [DataRow("DELETE")]
    [DataRow("PATCH")]
    [DataRow("PURGE")]
    public void Name_Method_IsItsName(string method)
    {
        Assert.AreEqual(method + " /orders/{id}", EndpointNamer.Name(new HttpMethod(method), new Uri("http://api.local:8080/orders/9"), Base));
    }

    [TestMethod]
    [DataRow("http://other.local:8080/orders/42", "api.local:8080", "GET other.local:8080/orders/{id}")]
    [DataRow("http://api.local:9090/orders/42", "api.local:8080", "GET api.local:9090/orders/{id}")]
    [DataRow("http://api.local/orders", "api.local:8080", "GET api.local/orders")]
    [DataRow("https://api.local/orders", "api.local", "GET /orders")]
    [DataRow("http://API.Local:8080/orders", "api.local:8080", "GET /orders")]
    [DataRow("http://api.local:8080/orders", "API.LOCAL:8080", "GET /orders")]
    [DataRow("http://api.local:8080/orders", null, "GET api.local:8080/orders")]
    [DataRow("http://[::1]:5080/orders/1", "127.0.0.1:5080", "GET [::1]:5080/orders/{id}")]
    [DataRow("http://127.0.0.1:5080/", "localhost:5080", "GET 127.0.0.1:5080/")]
    [DataRow("http://bücher.example/x", null, "GET xn--bcher-kva.example/x")]
    [DataRow("http://bücher.example/x", "xn--bcher-kva.example", "GET /x")]
    [DataRow("http://[::1]:5080/x", "[::1]:5080", "GET /x")]
    [DataRow("http://[::1]/x", "[::1]", "GET /x")]
    [DataRow("http://[::1]:5080/x", "[::1]", "GET [::1]:5080/x")]
    [DataRow("http://[::1]:5080/x", "::1:5080", "GET [::1]:5080/x")]
    [DataRow("http://[::1]:5080/x", "[::1:5080", "GET [::1]:5080/x")]
    [DataRow("http://api.local:8080/x", "api.local:8080x", "GET api.local:8080/x")]
    [DataRow("http://api.local:8080/x", "api.local:", "GET api.local:8080/x")]
    [DataRow("http://api.local:8080/x", "api.localhost:8080", "GET api.local:8080/x")]
    [DataRow("http://api.local:8080/x", "api", "GET api.local:8080/x")]
    [DataRow("http://api.local/x", "api.local:80", "GET api.local/x")]
    [DataRow("http://api.local/x", "", "GET api.local/x")]
    public void Name_HostOtherThanTheBase_IsPrefixedWithTheAuthority(string url, string? baseHost, string expected)
    {
        Assert.AreEqual(expected, EndpointNamer.Name(HttpMethod.Get, new Uri(url), baseHost));
    }

    [TestMethod]
    [DataRow("http://api.local:8080/", "api.local:8080")]
    [DataRow("http://api.local/", "api.local")]
    [DataRow("https://api.local:443/", "api.local")]
    [DataRow("https://api.local:80/", "api.local:80")]
    [DataRow("http://API.LOCAL:8080/", "api.local:8080")]
    [DataRow("http://[::1]:5080/", "[::1]:5080")]
    [DataRow("http://[2001:db8::1]/", "[2001:db8::1]")]
    [DataRow("http://127.0.0.1:5080/api/", "127.0.0.1:5080")]
    [DataRow("http://bücher.example/", "xn--bcher-kva.example")]
    public void Authority_AbsoluteUri_IsHostAndNonDefaultPort(string url, string expected)
    {
        Assert.AreEqual(expected, EndpointNamer.Authority(new Uri(url)));
    }

    [TestMethod]
    public void Name_BaseHostFromAuthority_NeverPrefixesTheBaseAddressesOwnRequests()
    {
        var baseAddress = new Uri("http://[::1]:5080/api/");

        var name = EndpointNamer.Name(HttpMethod.Get, new Uri(baseAddress, "orders/42"), EndpointNamer.Authority(baseAddress));

        Assert.AreEqual("GET /api/orders/{id}", name);
    }

    [TestMethod]
    [DataRow("/orders/42?x=1", "GET /orders/{id}")]
    [DataRow("orders/42#top", "GET /orders/{id}")]
    [DataRow("", "GET /")]
    [DataRow("?x=1", "GET /")]
    public void Name_RelativeUri_UsesItsPath(string relative, string expected)
    {
        Assert.AreEqual(expected, EndpointNamer.Name(HttpMethod.Get, new Uri(relative, UriKind.Relative), Base));
    }

    [TestMethod]
    public void Name_NullArguments_Throw()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => EndpointNamer.Name(null!, new Uri("http://a/"), null));
        Assert.ThrowsExactly<ArgumentNullException>(() => EndpointNamer.Name(HttpMethod.Get, null!, null));
        Assert.ThrowsExactly<ArgumentNullException>(() => EndpointNamer.Authority(null!));
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using StressTest.Plan.Methods;
using StressTest.Probes;
using StressTest.Tests.Workers.Http;

namespace StressTest.Tests.Probes;

[TestClass]
public sealed class PrometheusProbeTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:5080/metrics");

    [TestMethod]
    public async Task SampleAsync_Endpoint_ReportsEachSelectorUnderItsName()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "requests_in_flight{route=\"/a\"} 2\nrequests_in_flight{route=\"/b\"} 5\nlocks_waiting 1\n");
        using var probe = new PrometheusProbe(Endpoint, new Dictionary<string, string> { ["api_in_flight"] = "requests_in_flight", ["api_locks"] = "locks_waiting", ["api_missing"] = "not_there" }, stub);

        var values = await probe.SampleAsync(CancellationToken.None);

        Assert.AreEqual(7.0, values["api_in_flight"]);
        Assert.AreEqual(1.0, values["api_locks"]);
        Assert.IsFalse(values.ContainsKey("api_missing"), "a metric missing from the scrape leaves the second without it");
        Assert.AreSequenceEqual(new[] { "api_in_flight", "api_locks", "api_missing" }, probe.Metrics.Order().ToArray());
        Assert.AreEqual("GET http://127.0.0.1:5080/metrics", Assert.ContainsSingle(stub.Requests));
    }

    [TestMethod]
    public async Task SampleAsync_EndpointAnswers500_Throws()
    {
        using var probe = new PrometheusProbe(Endpoint, new Dictionary<string, string> { ["x"] = "x" }, new StubHandler(HttpStatusCode.InternalServerError));

        await Assert.ThrowsExactlyAsync<HttpRequestException>(async () => await probe.SampleAsync(CancellationToken.None));
    }

    [TestMethod]
    public void Constructor_BadInput_ExplainsWhat()
    {
        Assert.Contains("not an absolute http or https address", Assert.ThrowsExactly<ArgumentException>(() => new PrometheusProbe(new Uri("file:///metrics"), new Dictionary<string, string> { ["x"] = "x" })).Message);
        Assert.Contains("Name at least one metric", Assert.ThrowsExactly<ArgumentException>(() => new PrometheusProbe(Endpoint, new Dictionary<string, string>())).Message);
        Assert.Contains("Probe value name \"a b\" is invalid", Assert.ThrowsExactly<ArgumentException>(() => new PrometheusProbe(Endpoint, new Dictionary<string, string> { ["a b"] = "x" })).Message);
        Assert.Contains("Probe value \"x\": \"x{\" is not a metric selector", Assert.ThrowsExactly<ArgumentException>(() => new PrometheusProbe(Endpoint, new Dictionary<string, string> { ["x"] = "x{" })).Message);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Probes;

namespace StressTest.Tests.Probes;

[TestClass]
public sealed class PrometheusTextTests
{
    private const string Exposition = """
        # HELP http_server_active_requests Requests in flight.
        # TYPE http_server_active_requests gauge
        http_server_active_requests{route="/orders",method="GET"} 3
        http_server_active_requests{route="/orders",method="POST"} 2
        http_server_active_requests{route="/products"} 4 1700000000000
        process_cpu_seconds_total 12.5
        weird{path="C:\\temp",quote="say \"hi\"",nl="a\nb"} 1e3
        gc_heap NaN
        up +Inf
        this line is not a sample
        broken{label="unterminated} 1
        """;

    [TestMethod]
    public void Parse_Exposition_ReadsSamplesAndSkipsCommentsAndBrokenLines()
    {
        var samples = PrometheusText.Parse(Exposition).ToList();

        Assert.AreSequenceEqual(
            new[] { "http_server_active_requests", "http_server_active_requests", "http_server_active_requests", "process_cpu_seconds_total", "weird", "gc_heap", "up" },
            samples.Select(s => s.Name).ToArray());
        Assert.AreEqual("/products", samples[2].Labels["route"]);
        Assert.AreEqual(4.0, samples[2].Value, "the timestamp is not the value");
        var weird = samples[4];
        Assert.AreEqual((@"C:\temp", "say \"hi\"", "a\nb", 1000.0), (weird.Labels["path"], weird.Labels["quote"], weird.Labels["nl"], weird.Value));
        Assert.IsTrue(double.IsNaN(samples[5].Value));
        Assert.AreEqual(double.PositiveInfinity, samples[6].Value);
    }

    [TestMethod]
    [DataRow("http_server_active_requests", 9.0)]
    [DataRow("http_server_active_requests{route=\"/orders\"}", 5.0)]
    [DataRow("http_server_active_requests{route=\"/orders\",method=\"POST\"}", 2.0)]
    [DataRow("process_cpu_seconds_total", 12.5)]
    public void Sum_Selector_AddsTheMatchingSamples(string text, double expected)
    {
        var (selector, problem) = PrometheusSelector.Parse(text);

        Assert.IsNull(problem);
        Assert.AreEqual(expected, selector!.Sum(PrometheusText.Parse(Exposition).ToList()));
    }

    [TestMethod]
    public void Sum_NothingMatches_IsNull()
    {
        var (selector, _) = PrometheusSelector.Parse("http_server_active_requests{route=\"/basket\"}");

        Assert.IsNull(selector!.Sum(PrometheusText.Parse(Exposition).ToList()));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("{route=\"/\"}")]
    [DataRow("requests{route=\"/\"")]
    [DataRow("requests{route=/}")]
    public void Parse_NotASelector_NamesTheProblem(string text)
    {
        var (selector, problem) = PrometheusSelector.Parse(text);

        Assert.IsNull(selector);
        Assert.Contains("is not a metric selector", problem!);
    }
}

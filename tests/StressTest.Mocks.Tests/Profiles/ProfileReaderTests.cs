// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Tests.TestSupport;

namespace StressTest.Mocks.Tests.Profiles;

/// <summary>The JSON profile: every documented field read, every bad input named by file, line and field.</summary>
[TestClass]
public sealed class ProfileReaderTests
{
    private const string Gateway = """
        {
          // comments and trailing commas are allowed
          "name": "payment-gateway",
          "seed": 7,
          "routes": [
            {
              "method": "POST",
              "path": "/v1/charges",
              "response": { "status": 201, "json": { "id": "ch_1", "status": "succeeded" } },
              "latency": { "kind": "lognormal", "median": "40ms", "p99": "300ms" },
              "failures": [
                { "kind": "status", "probability": 0.02, "status": 503, "body": "down", "headers": { "Retry-After": "1" } },
                { "kind": "status", "probability": 0.01, "status": 502, "latency": { "kind": "constant", "value": "2s" } },
                { "kind": "timeout", "probability": 0.005 },
                { "kind": "reset", "probability": 0.001 },
                { "kind": "slowBody", "probability": 0.001, "bytesPerSecond": 50 },
              ],
              "rateLimit": 500
            },
            { "method": "GET", "path": "/v1/charges/{id}", "latency": { "kind": "uniform", "min": "5ms", "max": "15ms" } },
            { "method": "GET", "path": "/health", "latency": { "kind": "normal", "mean": "2ms", "standardDeviation": "1ms" } }
          ]
        }
        """;

    [TestMethod]
    public void Parse_FullProfile_ReadsEveryField()
    {
        var profile = MockProfile.Parse(Gateway);

        Assert.AreEqual("payment-gateway", profile.Name);
        Assert.AreEqual(7, profile.Seed);
        Assert.HasCount(3, profile.Routes);
        var charges = profile.Routes[0];
        Assert.AreEqual("POST /v1/charges", charges.ToString());
        Assert.AreEqual(201, charges.Response.Status);
        Assert.AreEqual("""{ "id": "ch_1", "status": "succeeded" }""", charges.Response.Body);
        Assert.AreEqual("application/json", charges.Response.Headers["Content-Type"]);
        Assert.AreEqual("lognormal median 40ms, p99 300ms", charges.Latency.ToString());
        Assert.AreEqual(500, charges.RateLimit);
        CollectionAssert.AreEqual(
            new[] { "status 503 2 %", "status 502 1 % after constant 2s", "timeout 0.5 %", "connection reset 0.1 %", "slow body at 50 B/s 0.1 %" },
            charges.Failures.Select(f => f.ToString()).ToArray());
        Assert.AreEqual("uniform 5ms to 15ms", profile.Routes[1].Latency.ToString());
        Assert.AreEqual("GET", profile.Routes[2].Method);
    }

    [TestMethod]
    public void Parse_Minimal_DefaultsDocumented()
    {
        var profile = MockProfile.Parse("""{ "name": "x", "routes": [ { "method": "get", "path": "/" } ] }""");

        Assert.AreEqual(1, profile.Seed);
        Assert.AreEqual("GET", profile.Routes[0].Method);
        Assert.AreEqual(200, profile.Routes[0].Response.Status);
        Assert.AreEqual("constant 0s", profile.Routes[0].Latency.ToString());
        Assert.IsEmpty(profile.Routes[0].Failures);
        Assert.IsNull(profile.Routes[0].RateLimit);
    }

    [TestMethod]
    [DataRow("\"latency\": { \"kind\": \"lognormal\", \"median\": \"40ms\", \"p99\": \"300ms\" }", "\"latncy\": {}", 10, "routes[0].latncy: is not a field of a route; expected method, path, response, latency, failures or rateLimit", DisplayName = "unknown field")]
    [DataRow("\"p99\": \"300ms\"", "\"p99\": \"30ms\"", 10, "routes[0].latency.p99: 30ms is below the median (40ms); expected p99 above the median (use a constant latency for no spread)", DisplayName = "p99 below the median")]
    [DataRow("\"median\": \"40ms\"", "\"median\": \"-40ms\"", 10, "routes[0].latency.median: \"-40ms\" is negative; expected a non-negative number followed by us, ms, s, m or h (e.g. \"30s\", \"500ms\", \"1.5m\")", DisplayName = "negative duration")]
    [DataRow("\"median\": \"40ms\"", "\"median\": 40", 10, "routes[0].latency.median: is the number 40; expected a duration such as \"40ms\"", DisplayName = "duration without unit")]
    [DataRow("\"probability\": 0.02", "\"probability\": \"NaN\"", 12, "routes[0].failures[0].probability: is the string \"NaN\"; expected a number", DisplayName = "NaN probability")]
    [DataRow("\"probability\": 0.02", "\"probability\": -0.02", 12, "routes[0].failures[0].probability: -0.02 is not a probability; expected a number from 0 to 1 (0.02 is 2 %)", DisplayName = "negative probability")]
    [DataRow("\"probability\": 0.02", "\"probability\": 0.995", 11, "routes[0].failures: the probabilities add up to 1.012, above 1; expected a sum of at most 1 (the rest of the requests succeed)", DisplayName = "probabilities above 1")]
    [DataRow("{ \"kind\": \"timeout\"", "{ \"kind\": \"hang\"", 14, "routes[0].failures[2].kind: \"hang\" is not a failure kind; expected status, timeout, reset or slowBody", DisplayName = "unknown failure kind")]
    [DataRow("\"kind\": \"lognormal\"", "\"kind\": \"gaussian\"", 10, "routes[0].latency.kind: \"gaussian\" is not a latency kind; expected constant, uniform, normal, lognormal or empirical", DisplayName = "unknown latency kind")]
    [DataRow("\"p99\": \"300ms\"", "\"max\": \"300ms\"", 10, "routes[0].latency.max: does not apply to a lognormal latency; expected kind, median or p99", DisplayName = "field of another kind")]
    [DataRow("\"bytesPerSecond\": 50", "\"bytesPerSecond\": 50, \"bytesPerSecond\": 60", 16, "routes[0].failures[4].bytesPerSecond: appears twice; expected each field once", DisplayName = "duplicate field")]
    [DataRow("\"status\": 503", "\"status\": 999", 12, "routes[0].failures[0].status: 999 is not an HTTP status code; expected 100 to 599", DisplayName = "bad status")]
    [DataRow("\"path\": \"/v1/charges\"", "\"path\": \"v1/charges\"", 8, "routes[0].path: \"v1/charges\" is not a path template: expected a path starting with / without spaces or query, such as /v1/charges/{id}", DisplayName = "bad path")]
    [DataRow("\"rateLimit\": 500", "\"rateLimit\": 0", 18, "routes[0].rateLimit: 0 is not a positive number of requests per second", DisplayName = "bad rate limit")]
    [DataRow("\"Retry-After\": \"1\"", "\"Retry-After\": 1", 12, "routes[0].failures[0].headers.Retry-After: is the number 1; expected a string", DisplayName = "header not a string")]
    [DataRow("\"seed\": 7,", "\"seed\": 7.5,", 4, "seed: 7.5 is not a whole number from -2147483648 to 2147483647", DisplayName = "fractional seed")]
    public void Parse_BadInput_NamesLineAndField(string find, string replace, int line, string expected)
    {
        Assert.Contains(find, Gateway, "the test's own input");

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => MockProfile.Parse(Gateway.Replace(find, replace, StringComparison.Ordinal)));

        Assert.AreEqual($"profile line {line}, {expected}", ex.Message);
    }

    [TestMethod]
    public void Parse_MalformedJson_NamesTheLine()
    {
        var ex = Assert.ThrowsExactly<InvalidDataException>(() => MockProfile.Parse("{\n  \"name\": \"x\",\n  \"routes\": [ { \"method\": \"GET\" \"path\": \"/\" } ]\n}"));

        Assert.StartsWith("profile line 3: not valid JSON: ", ex.Message);
    }

    [TestMethod]
    [DataRow("""{ "routes": [] }""", "profile line 1, name: is missing; expected a string")]
    [DataRow("""{ "name": "x", "routes": [] }""", "profile line 1, routes: is empty; expected at least one route")]
    [DataRow("""[]""", "profile line 1, the profile: is an array; expected a mock profile as a JSON object { … }")]
    [DataRow("""{ "name": "x", "routes": [ { "path": "/" } ] }""", "profile line 1, routes[0].method: is missing; expected a string")]
    [DataRow("""{ "name": "x", "routes": [ { "method": "GET", "path": "/", "failures": [ { "kind": "slowBody", "probability": 1, "bytesPerSecond": 1 } ] } ] }""", "profile line 1, routes[0].failures[0]: a slow body needs the route's response to have a body to trickle")]
    [DataRow("""{ "name": "x", "routes": [ { "method": "GET", "path": "/", "response": { "body": "a", "json": {} } } ] }""", "profile line 1, routes[0].response.json: and body are both given; expected one: body for text, json for a JSON value")]
    public void Parse_StructuralProblems_NamedToo(string json, string expected) =>
        Assert.AreEqual(expected, Assert.ThrowsExactly<InvalidDataException>(() => MockProfile.Parse(json)).Message);

    [TestMethod]
    public void Load_EmpiricalFile_RelativeToTheProfile()
    {
        using var folder = new TempFolder();
        folder.File("staging.hgrm", "       Value     Percentile TotalCount 1/(1-Percentile)\n\n      10.000 0.000000000000          1           1.00\n      20.000 1.000000000000          2\n");
        var path = folder.File("gateway.json", """{ "name": "x", "routes": [ { "method": "GET", "path": "/", "latency": { "kind": "empirical", "file": "staging.hgrm" } } ] }""");

        var profile = MockProfile.Load(path);

        Assert.AreEqual("empirical from staging.hgrm (2 values)", profile.Routes[0].Latency.ToString());
    }

    [TestMethod]
    public void Load_EmpiricalFileMissingOrNotAHistogram_NamesTheFileLineAndField()
    {
        using var folder = new TempFolder();
        folder.File("notes.hgrm", "nothing here");
        var missing = folder.File("missing.json", "{ \"name\": \"x\",\n \"routes\": [ { \"method\": \"GET\", \"path\": \"/\",\n \"latency\": { \"kind\": \"empirical\",\n \"file\": \"staging.hgrm\" } } ] }");
        var wrong = folder.File("wrong.json", "{ \"name\": \"x\",\n \"routes\": [ { \"method\": \"GET\", \"path\": \"/\",\n \"latency\": { \"kind\": \"empirical\",\n \"file\": \"notes.hgrm\", \"unit\": \"ms\" } } ] }");

        Assert.StartsWith("missing.json line 4, routes[0].latency.file: \"staging.hgrm\" does not exist (looked for ", Assert.ThrowsExactly<InvalidDataException>(() => MockProfile.Load(missing)).Message);
        Assert.AreEqual("wrong.json line 4, routes[0].latency.file: \"notes.hgrm\" is not an HdrHistogram file; expected an HdrHistogram percentile distribution (.hgrm: rows of value, percentile, total count) or histogram log (.hlog)", Assert.ThrowsExactly<InvalidDataException>(() => MockProfile.Load(wrong)).Message);
    }

    [TestMethod]
    public void Load_MissingProfile_FileNotFound() =>
        Assert.ThrowsExactly<FileNotFoundException>(() => MockProfile.Load(Path.Combine(Path.GetTempPath(), "no-such-profile.json")));
}

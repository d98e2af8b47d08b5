// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Tests.TestSupport;

/// <summary>Profiles whose every route always does one thing, so a test knows what each request gets.</summary>
internal static class TestProfiles
{
    public static MockProfile OneOfEach() => new("gateway")
    {
        Routes =
        {
            new MockRoute("POST", "/v1/charges") { Response = MockResponse.Json(201, """{"status":"succeeded"}""") },
            new MockRoute("GET", "/v1/charges/{id}") { Response = new MockResponse(200, "charge") },
            new MockRoute("*", "/unavailable") { Failures = { Failure.Status(new MockResponse(503, "down") { Headers = { ["Retry-After"] = "7", ["X-Mock"] = "yes" } }, 1) } },
            new MockRoute("GET", "/hang") { Failures = { Failure.Timeout(1) } },
            new MockRoute("GET", "/reset") { Failures = { Failure.ConnectionReset(1) } },
            new MockRoute("GET", "/slow") { Response = new MockResponse(200, "0123456789"), Failures = { Failure.SlowBody(1, 100) } },
            new MockRoute("GET", "/limited") { RateLimit = 2 },
        },
    };
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers.Http;

/// <summary>
/// The host guard refused a request. Its own type so that the run can tell a refusal from any other failed
/// request: a refusal fails the test whatever error rate it tolerates (a typo in a URL is never acceptable load).
/// </summary>
internal sealed class HostNotAllowedException : HttpRequestException
{
    public HostNotAllowedException(string host)
        : base($"StressTest refused to send a request to host \"{host}\": only loopback, the base address's host and the hosts in the AllowedHosts setting may be loaded. If {host} is a test system of yours, add it: <StressTest><AllowedHosts>{host}</AllowedHosts></StressTest> or dotnet test -- StressTest.AllowedHosts={host}")
    {
        Host = host;
    }

    public HostNotAllowedException()
    {
        Host = string.Empty;
    }

    public HostNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = string.Empty;
    }

    /// <summary>The refused host.</summary>
    public string Host { get; }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Http;

/// <summary>How an agent builds <c>StressContext.Http</c>: plain data, part of the work assignment.</summary>
/// <param name="BaseAddress">Absolute http(s) base address, or null.</param>
/// <param name="AllowedHosts">Hosts requests may go to besides loopback and the base address's host.</param>
internal sealed record HttpOptions(Uri? BaseAddress, IReadOnlyList<string> AllowedHosts)
{
    public static HttpOptions None { get; } = new(null, []);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Transport.Contracts;

/// <summary>
/// The HTTP part of a work assignment, as plain text: the base address (absolute URI text, or null), the hosts the
/// run may reach besides loopback and the base address's host, and the accepted status codes in the plan's own
/// notation (<c>200-299,404</c>). What setup configured in code (<c>ConfigureHttp</c>) is not data and does not
/// travel: an agent applies its own process's configuration.
/// </summary>
internal sealed record HttpSettings(string? BaseAddress, IReadOnlyList<string> AllowedHosts, string AcceptStatus)
{
    /// <summary>No base address, loopback only, 2xx accepted.</summary>
    public static HttpSettings None { get; } = new(null, [], "200-299");

    /// <summary>The routes endpoints are named by (<c>StressSetupContext.NameEndpoints</c>), as given: text, so a
    /// remote agent names endpoints the same way.</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];
}

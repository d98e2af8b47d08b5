// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using StressTest.Plan.Rules;

namespace StressTest.Workers.Http;

/// <summary>How an agent builds <c>StressContext.Http</c>: plain data, part of the work assignment.</summary>
/// <param name="BaseAddress">Absolute http(s) base address, or null.</param>
/// <param name="AllowedHosts">Hosts requests may go to besides loopback and the base address's host.</param>
internal sealed record HttpOptions(Uri? BaseAddress, IReadOnlyList<string> AllowedHosts)
{
    public static HttpOptions None { get; } = new(null, []);

    /// <summary>Status codes that are not errors (the test's <c>AcceptStatus</c>; default 2xx).</summary>
    public StatusCodeSet AcceptStatus { get; init; } = StatusCodeSet.Default;

    /// <summary>
    /// What <c>[StressSetup]</c> added through <c>StressSetupContext.ConfigureHttp</c>. Code, not data: an agent in
    /// this process applies it; a remote agent will run the test class's setup configuration on its own side.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Action<IHttpClientBuilder>> Configure { get; init; } = [];

    /// <summary>Routes the run names its endpoints by (<c>StressSetupContext.NameEndpoints</c>), as given.</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>The base address's authority, which endpoint names leave out.</summary>
    public string? BaseAuthority => BaseAddress is { } address ? EndpointNamer.Authority(address) : null;
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;

namespace StressTest.Workers.Http;

/// <summary>
/// Refuses, before anything is sent, a request to a host that is neither loopback, nor the base address's host, nor
/// listed in the <c>AllowedHosts</c> setting: a typo in a URL must never turn into a load test of production.
/// </summary>
internal sealed class HostGuardHandler : DelegatingHandler
{
    private readonly HashSet<string> _allowed;
    private readonly Action<string>? _onRefused;

    /// <param name="options">The base address and the allowed hosts.</param>
    /// <param name="onRefused">Told of every refusal (the run makes it a problem that fails the test, even when the
    /// method catches the exception, in warm-up too).</param>
    public HostGuardHandler(HttpOptions options, Action<string>? onRefused = null)
    {
        _onRefused = onRefused;
        ArgumentNullException.ThrowIfNull(options);
        _allowed = new HashSet<string>(options.AllowedHosts.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        if (options.BaseAddress is { } baseAddress)
        {
            _allowed.Add(baseAddress.IdnHost);
        }
    }

    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);

        // The common case first, without allocating: Uri knows (and caches) whether its host is loopback.
        if (uri.IsLoopback)
        {
            return true;
        }

        var host = uri.IdnHost;
        return _allowed.Contains(host) || IsLoopback(host);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ThrowIfRefused(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>HttpClient.Send takes the handlers' synchronous path, which does not pass through SendAsync.</summary>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ThrowIfRefused(request);
        return base.Send(request, cancellationToken);
    }

    private void ThrowIfRefused(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && !IsAllowed(uri))
        {
            var refused = new HostNotAllowedException(uri.IdnHost);
            _onRefused?.Invoke(refused.Message);
            throw refused;
        }
    }

    /// <summary>An IPv6 address as <see cref="Uri.IdnHost"/> gives it, canonical and without brackets
    /// ("[2001:DB8:0::5]" becomes "2001:db8::5"); any other host as it is.</summary>
    private static string Normalize(string host) =>
        host.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address.ToString() : host;

    /// <summary>localhost, 127.0.0.0/8 and ::1 (and names under .localhost, which resolve to loopback).</summary>
    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

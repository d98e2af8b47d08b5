// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Probes;

/// <summary>
/// A probe that reads a Prometheus text endpoint (<c>/metrics</c> of the API, an exporter, a sidecar) once per second
/// and reports chosen metrics under names of its own: <c>["api_in_flight"] = "http_server_active_requests"</c>.
/// </summary>
/// <remarks>
/// A selector is a metric name with optional label matchers (<c>name{label="value"}</c>); the probe value is the sum of
/// every matching sample, so <c>http_server_active_requests</c> adds up all routes. A metric missing from one scrape
/// leaves that second without the value. The probe has its own connection (no measuring handler, no host guard):
/// its requests are not part of the load. Counters are reported as read (a running total); a threshold on
/// <c>last</c> minus the first can be read from the report.
/// </remarks>
public sealed class PrometheusProbe : IStressProbe, IDisposable
{
    private readonly Uri _endpoint;
    private readonly HttpClient _http;
    private readonly Dictionary<string, PrometheusSelector> _selectors;

    /// <summary>A probe of <paramref name="endpoint"/> reporting each selector of <paramref name="metrics"/> under its key.</summary>
    /// <param name="endpoint">The metrics endpoint, e.g. <c>http://127.0.0.1:5080/metrics</c>.</param>
    /// <param name="metrics">Probe value name → metric selector (<c>http_server_active_requests</c>,
    /// <c>process_cpu_seconds_total{job="api"}</c>).</param>
    /// <exception cref="ArgumentException">A name or selector is not valid.</exception>
    public PrometheusProbe(Uri endpoint, IReadOnlyDictionary<string, string> metrics)
        : this(endpoint, metrics, new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
    }

    internal PrometheusProbe(Uri endpoint, IReadOnlyDictionary<string, string> metrics, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(metrics);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The Prometheus endpoint \"{endpoint}\" is not an absolute http or https address.", nameof(endpoint));
        }

        if (metrics.Count == 0)
        {
            throw new ArgumentException("Name at least one metric to report, e.g. [\"api_in_flight\"] = \"http_server_active_requests\".", nameof(metrics));
        }

        _selectors = new Dictionary<string, PrometheusSelector>(StringComparer.Ordinal);
        foreach (var (name, text) in metrics)
        {
            if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                throw new ArgumentException($"Probe value name \"{name}\" is invalid; use letters, digits, '_', '.' and '-', e.g. api_in_flight.", nameof(metrics));
            }

            var (selector, problem) = PrometheusSelector.Parse(text ?? string.Empty);
            _selectors[name] = selector ?? throw new ArgumentException($"Probe value \"{name}\": {problem}", nameof(metrics));
        }

        _endpoint = endpoint;
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Metrics => _selectors.Keys;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(_endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var samples = PrometheusText.Parse(text).ToList();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, selector) in _selectors)
        {
            if (selector.Sum(samples) is { } value)
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}

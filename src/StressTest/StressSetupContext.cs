// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;

namespace StressTest;

/// <summary>
/// What a <see cref="StressSetupAttribute"/> method can hand to the run. Declare it as the setup method's first
/// parameter to receive it.
/// </summary>
/// <example>
/// <code>
/// [StressSetup]
/// public static async Task StartApiAsync(StressSetupContext setup, CancellationToken ct)
/// {
///     _app = await MyApi.StartOnFreePortAsync(ct);
///     setup.BaseAddress = _app.Address;   // every StressContext.Http now sends here
/// }
/// </code>
/// </example>
public sealed partial class StressSetupContext
{
    private readonly List<Action<IHttpClientBuilder>> _configureHttp = [];
    private readonly List<(string Name, Func<IReadOnlyDictionary<string, long>> Read)> _dependencies = [];
    private readonly List<IStressProbe> _probes = [];
    private readonly List<RouteTemplate> _routes = [];

    internal StressSetupContext(string runId = "")
    {
        RunId = runId;
    }

    /// <summary>Why <see cref="Skip"/> was called; null when it was not.</summary>
    internal string? SkipReason { get; private set; }

    /// <summary>What <see cref="AddProbe"/> registered, in order.</summary>
    internal IReadOnlyList<IStressProbe> Probes => _probes;

    /// <summary>What <see cref="ConfigureHttp"/> registered, in order.</summary>
    internal IReadOnlyList<Action<IHttpClientBuilder>> HttpConfiguration => _configureHttp;

    /// <summary>What <see cref="NameEndpoints"/> registered, in order, as given.</summary>
    internal IReadOnlyList<string> EndpointRoutes => [.. _routes.Select(r => r.Text)];

    /// <summary>What <see cref="ReportDependency"/> registered, in order.</summary>
    internal IReadOnlyList<(string Name, Func<IReadOnlyDictionary<string, long>> Read)> Dependencies => _dependencies;

    /// <summary>The base address of <see cref="StressContext.Http"/> when neither the <c>BaseUrl</c> setting nor
    /// the <c>STRESSTEST_BASEURL</c> environment variable sets one (they take precedence, so a run can be pointed at
    /// another environment without changing code). Its host is allowed by the host guard.</summary>
    /// <value>An absolute http or https address; default none.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Customises the run's HTTP pipeline before its first request: <paramref name="configure"/> receives the
    /// <see cref="IHttpClientBuilder"/> of <see cref="StressContext.Http"/>, and through its <c>Services</c> the whole
    /// <see cref="IServiceCollection"/> (extra named clients for <see cref="StressContext.GetHttpClient"/>).
    /// </summary>
    /// <example>
    /// <code>
    /// setup.ConfigureHttp(http =>
    /// {
    ///     http.ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-Tenant", "load-test"));
    ///     http.AddHttpMessageHandler(() => new BearerTokenHandler(token));
    ///     http.Services.AddHttpClient("auth", c => c.BaseAddress = authAddress);
    /// });
    /// </code>
    /// </example>
    /// <remarks>Every client still gets the load-sized connection pool (unless the test replaces the primary handler),
    /// the per-endpoint measurement (outermost, so a retry handler's attempts are one request, timed as a whole) and
    /// the host guard (innermost: no handler can send past it).</remarks>
    /// <param name="configure">Called once, when the run's pipeline is built.</param>
    public void ConfigureHttp(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configureHttp.Add(configure);
    }

    /// <summary>
    /// Names the endpoints of <see cref="StressContext.Http"/>'s requests by these routes: a request whose path matches
    /// a route is reported as that route, <c>GET /api/articles/{slug}</c>, however many different slugs it sent. Without
    /// routes, ids are recognised by their shape (numbers, GUIDs, long hexadecimal) and a path position that takes more
    /// than 20 different values under the same parent becomes <c>{id}</c> for the whole run; give routes when the values
    /// are random text and fewer than that, so the same test always reports the same endpoints.
    /// </summary>
    /// <example>
    /// <code>
    /// setup.NameEndpoints("/api/articles/{slug}", "GET /api/users/{id}/orders");
    /// </code>
    /// </example>
    /// <param name="routes">Routes, each an optional method (<c>GET</c>) and a path of literal and <c>{name}</c>
    /// segments; the first that matches a request names it.</param>
    /// <exception cref="ArgumentException">A route is malformed; the message names it and what was expected.</exception>
    public void NameEndpoints(params string[] routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var text in routes)
        {
            if (!RouteTemplate.TryParse(text, out var route, out var problem))
            {
                throw new ArgumentException($"StressSetupContext.NameEndpoints: {problem}.", nameof(routes));
            }

            _routes.Add(route!);
        }
    }

    /// <summary>
    /// Adds what a dependency of the system under test did to the run's report, next to the API's own numbers: for
    /// example what a simulated payment gateway served, per route and outcome (StressTest.Mocks registers its mock
    /// servers this way). <paramref name="readCounters"/> is called once, after the load and before
    /// <c>[StressTeardown]</c>; its counters appear in the JSON report's <c>dependencies</c> section and the summary.
    /// </summary>
    /// <remarks>Counters cover whatever the dependency counted, usually the whole run with warm-up. At most 100
    /// counters per dependency are kept, names cut to 100 characters. If <paramref name="readCounters"/> throws, the
    /// test fails with that problem.</remarks>
    /// <param name="name">The dependency, e.g. <c>"payment-gateway"</c>.</param>
    /// <param name="readCounters">Returns the counters by name, e.g. <c>"POST /v1/charges 503" = 12</c>, in the
    /// order they should be shown.</param>
    public void ReportDependency(string name, Func<IReadOnlyDictionary<string, long>> readCounters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(readCounters);
        _dependencies.Add((name, readCounters));
    }

    /// <summary>
    /// Samples <paramref name="probe"/> once per second during the load: its values join the report's series and can be
    /// thresholded as <c>probe:NAME</c> (<c>[Threshold("probe:db_lock_waits max &lt; 5")]</c>). Disposed after the run
    /// when it is disposable.
    /// </summary>
    /// <example>
    /// <code>
    /// setup.AddProbe(new PrometheusProbe(new Uri("http://127.0.0.1:5080/metrics"),
    ///     new Dictionary&lt;string, string&gt; { ["api_in_flight"] = "http_server_active_requests" }));
    /// </code>
    /// </example>
    /// <param name="probe">The probe.</param>
    public void AddProbe(IStressProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        _probes.Add(probe);
    }

    /// <summary>
    /// Skips the test: no load runs, <c>[StressTeardown]</c> still runs, and the test is reported skipped (Test
    /// Explorer, TRX) with <paramref name="reason"/>. For a test whose environment is missing where it runs, such as a
    /// database server only CI provides; return from the setup right after.
    /// </summary>
    /// <example>
    /// <code>
    /// if (Environment.GetEnvironmentVariable("ConnectionStrings__ShopPostgres") is not { Length: > 0 } db)
    /// {
    ///     setup.Skip("ConnectionStrings__ShopPostgres is not set: no PostgreSQL to run against.");
    ///     return;
    /// }
    /// </code>
    /// </example>
    /// <param name="reason">Why, as the result should show it.</param>
    public void Skip(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        SkipReason = reason;
    }
}

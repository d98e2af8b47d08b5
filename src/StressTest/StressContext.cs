// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// What a stress-test method knows about the invocation it is running. Declare it as the method's first
/// parameter to receive it.
/// </summary>
/// <remarks>
/// One context exists per worker and is updated in place before each invocation, so passing it costs no
/// allocation. Read its values during the invocation; do not keep it for later.
/// </remarks>
public sealed class StressContext
{
    private readonly Http.StressHttpClient? _http;

    internal StressContext(string runId, int workerId, Http.StressHttpClient? http = null)
    {
        RunId = runId;
        WorkerId = workerId;
        _http = http;
    }

    /// <summary>Identifies this run of this test; stable for all workers, unique across runs. Tag data you
    /// create with it so teardown can find and delete it.</summary>
    public string RunId { get; }

    /// <summary>The worker running this invocation: closed model 0 to Concurrency - 1; open model the slot, 0 to
    /// MaxConcurrency - 1. Each has its own instance of the test class.</summary>
    public int WorkerId { get; }

    /// <summary>Closed model: how many invocations this worker started before this one. Open model: how many
    /// invocations the run started before this one (dropped arrivals are not numbered). From 0, warm-up included.</summary>
    public long Iteration { get; internal set; }

    /// <summary>
    /// The run's <see cref="HttpClient"/>, from <c>IHttpClientFactory</c>: pooled and sized for the load (a connection
    /// per invocation in flight), cookies off, automatic decompression on, redirects not followed, no client-side
    /// timeout (the test's Timeout applies). Its base address is the <c>BaseUrl</c> setting, else the
    /// <c>STRESSTEST_BASEURL</c> environment variable, else what <c>[StressSetup]</c> set on
    /// <see cref="StressSetupContext.BaseAddress"/>. Requests may go only to loopback, the base address's host and the
    /// hosts of the <c>AllowedHosts</c> setting; any other is refused before it is sent. Shared: do not dispose it or
    /// change its defaults.
    /// </summary>
    public HttpClient Http => _http?.Client ?? throw new InvalidOperationException("StressContext.Http is not available outside a stress-test run.");

    /// <summary>Cancelled when this invocation exceeds its Timeout or the run is cancelled.</summary>
    public CancellationToken CancellationToken { get; internal set; }
}

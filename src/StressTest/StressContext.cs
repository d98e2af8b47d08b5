// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest;

/// <summary>
/// What a stress-test method knows about the invocation it is running, and how it reports more than its own
/// latency: named steps, checks and the run's measured <see cref="HttpClient"/>. Declare it as the method's first
/// parameter to receive it.
/// </summary>
/// <remarks>
/// One context exists per worker and is updated in place before each invocation, so passing it costs no
/// allocation. Use it during the invocation; do not keep it for later.
/// </remarks>
public sealed partial class StressContext
{
    internal StressContext(string runId, int workerId, int workerCount = 1)
    {
        RunId = runId;
        WorkerId = workerId;
        WorkerCount = workerCount;
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
    /// <see cref="StressSetupContext.BaseAddress"/>. Every request is measured per endpoint (method and path, ids
    /// collapsed: <c>GET /orders/{id}</c>; name one yourself with <see cref="StressHttp.EndpointName"/>), and a
    /// response whose status code the test does not accept (<see cref="StressTestAttribute.AcceptStatus"/>, default
    /// 2xx) makes the invocation an error even when the method does not look at it. Requests may go only to
    /// loopback, the base address's host and the hosts of the <c>AllowedHosts</c> setting; any other is refused
    /// before it is sent. Shared connections: do not dispose it or change its defaults.
    /// </summary>
    public HttpClient Http => Scope?.HttpClient(null) ?? throw NotInRun(nameof(Http));

    /// <summary>Cancelled when this invocation exceeds its Timeout or the run is cancelled.</summary>
    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>The invocation this context belongs to; null outside a run.</summary>
    internal IInvocationScope? Scope { get; set; }

    /// <summary>
    /// A named client registered in <see cref="StressSetupContext.ConfigureHttp"/> (<c>builder.Services.AddHttpClient("auth")</c>),
    /// measured and guarded like <see cref="Http"/>, which is the client named <c>StressTest</c>.
    /// </summary>
    /// <param name="name">The name the client was registered with.</param>
    /// <returns>The named client of this worker; do not dispose it.</returns>
    public HttpClient GetHttpClient(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Scope?.HttpClient(name) ?? throw NotInRun(nameof(GetHttpClient));
    }

    /// <summary>
    /// Records a soft check: counted by name in the report and in the <c>checks</c> metric (the share of
    /// invocations whose checks all held, thresholdable as <c>"checks &gt; 99%"</c>), without ending the invocation.
    /// A failed check does not make the invocation an error; throw (or use an MSTest <c>Assert</c>) for that.
    /// </summary>
    /// <param name="condition">Whether the check held.</param>
    /// <param name="name">A short fixed label, e.g. <c>"status is 200"</c>.</param>
    /// <returns><paramref name="condition"/>, so the check can guard what follows.</returns>
    public bool Check(bool condition, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Scope?.Check(condition, name);
        return condition;
    }

    /// <summary>
    /// Times a named part of the invocation (a step of a user journey). Steps get their own latency histogram, count
    /// and errors in the report, and their own thresholds: <c>[Threshold("p95 &lt; 200ms", Step = "checkout")]</c>.
    /// An exception from <paramref name="body"/> counts as a failed pass of the step and is rethrown.
    /// </summary>
    /// <param name="name">A short fixed label, e.g. <c>"checkout"</c>; the same name always means the same step.</param>
    /// <param name="body">The step.</param>
    /// <returns>A task that completes when the step has.</returns>
    public async Task Step(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pass = StepPass.Begin(Scope, name);
        try
        {
            await body().ConfigureAwait(false);
        }
        catch
        {
            pass.End(failed: true);
            throw;
        }

        pass.End(failed: false);
    }

    /// <summary>Times a named asynchronous step that produces a value; see <see cref="Step(string, Func{Task})"/>.</summary>
    /// <typeparam name="T">The step's result.</typeparam>
    /// <param name="name">A short fixed label.</param>
    /// <param name="body">The step.</param>
    /// <returns>The step's result.</returns>
    public async Task<T> Step<T>(string name, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pass = StepPass.Begin(Scope, name);
        T result;
        try
        {
            result = await body().ConfigureAwait(false);
        }
        catch
        {
            pass.End(failed: true);
            throw;
        }

        pass.End(failed: false);
        return result;
    }

    /// <summary>Times a named synchronous step; see <see cref="Step(string, Func{Task})"/>.</summary>
    /// <param name="name">A short fixed label.</param>
    /// <param name="body">The step.</param>
    public void Step(string name, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pass = StepPass.Begin(Scope, name);
        try
        {
            body();
        }
        catch
        {
            pass.End(failed: true);
            throw;
        }

        pass.End(failed: false);
    }

    /// <summary>Times a named synchronous step that produces a value; see <see cref="Step(string, Func{Task})"/>.</summary>
    /// <typeparam name="T">The step's result.</typeparam>
    /// <param name="name">A short fixed label.</param>
    /// <param name="body">The step.</param>
    /// <returns>The step's result.</returns>
    public T Step<T>(string name, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pass = StepPass.Begin(Scope, name);
        T result;
        try
        {
            result = body();
        }
        catch
        {
            pass.End(failed: true);
            throw;
        }

        pass.End(failed: false);
        return result;
    }

    private static InvalidOperationException NotInRun(string member) =>
        new($"StressContext.{member} is not available outside a stress-test run.");
}

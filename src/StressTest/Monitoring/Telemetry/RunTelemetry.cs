// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// What one run's invocations need to publish telemetry, built once before the load: the tags every measurement
/// carries (pre-boxed, in arrays, so recording allocates nothing), the trace sample rate, the invocation span's name and
/// the W3C <c>baggage</c> header value every traced request carries.
/// </summary>
internal sealed class RunTelemetry
{
    private static readonly object?[] StatusCodes = Enumerable.Range(0, 600).Select(code => (object?)code).ToArray();

    private readonly KeyValuePair<string, object?>[] _ok;
    private readonly KeyValuePair<string, object?>[] _error;

    /// <param name="runId">The run id (<c>StressContext.RunId</c>).</param>
    /// <param name="test">The test's fully qualified name.</param>
    /// <param name="traceSampleRate">Share of measured invocations traced, 0 to 1.</param>
    public RunTelemetry(string runId, string test, double traceSampleRate)
    {
        RunId = runId;
        Test = test;
        TraceSampleRate = Math.Clamp(traceSampleRate, 0, 1);
        TestTag = new(StressTestTelemetry.TestKey, test);
        _ok = [TestTag, new("stresstest.outcome", "ok")];
        _error = [TestTag, new("stresstest.outcome", "error")];
        SpanName = test[(test.LastIndexOf('.') + 1)..];
        // W3C Baggage: comma-separated key=value, values percent-encoded.
        Baggage = $"{StressTestTelemetry.RunIdKey}={Uri.EscapeDataString(runId)},{StressTestTelemetry.TestKey}={Uri.EscapeDataString(test)}";
    }

    /// <summary>No tracing; metrics tagged with an empty test name (unit tests of the workers).</summary>
    public static RunTelemetry Off { get; } = new("run", "test", 0);

    public string RunId { get; }

    public string Test { get; }

    public double TraceSampleRate { get; }

    public KeyValuePair<string, object?> TestTag { get; }

    /// <summary>The invocation span's name: the test method's name.</summary>
    public string SpanName { get; }

    /// <summary>The <c>baggage</c> header value: <c>stresstest.run_id=…,stresstest.test=…</c>.</summary>
    public string Baggage { get; }

    /// <summary>Whether the next measured invocation of a slot is traced: only when something listens.</summary>
    public bool ShouldTrace(ref TraceSampler sampler) =>
        TraceSampleRate > 0 && StressInstruments.Source.HasListeners() && sampler.Next(TraceSampleRate);

    /// <summary>Records a measured invocation's latency when the histogram has a listener.</summary>
    public void RecordInvocation(long latencyMicroseconds, bool failed)
    {
        var histogram = StressInstruments.InvocationDuration;
        if (histogram.Enabled)
        {
            histogram.Record(latencyMicroseconds / 1e6, new ReadOnlySpan<KeyValuePair<string, object?>>(failed ? _error : _ok));
        }
    }

    /// <summary>Records a measured request's time to its response headers when the histogram has a listener.</summary>
    public void RecordRequest(long elapsedMicroseconds, string endpoint, int statusCode)
    {
        var histogram = StressInstruments.RequestDuration;
        if (histogram.Enabled)
        {
            var status = (uint)statusCode < StatusCodes.Length ? StatusCodes[statusCode] : statusCode;
            histogram.Record(elapsedMicroseconds / 1e6, TestTag, new("stresstest.endpoint", endpoint), new("http.response.status_code", status));
        }
    }

    /// <summary>Records a measured step's duration when the histogram has a listener.</summary>
    public void RecordStep(long elapsedMicroseconds, string step)
    {
        var histogram = StressInstruments.StepDuration;
        if (histogram.Enabled)
        {
            histogram.Record(elapsedMicroseconds / 1e6, TestTag, new("stresstest.step", step));
        }
    }

    /// <summary>Starts the span of a traced invocation as a root: the thread may still carry the previous invocation's
    /// span (a chained closed-model worker continues on the thread that completed it).</summary>
    public Activity? StartInvocation(int worker, long iteration)
    {
        Activity.Current = null;
        var activity = StressInstruments.Source.StartActivity(SpanName, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(StressTestTelemetry.RunIdKey, RunId);
            activity.SetTag(StressTestTelemetry.TestKey, Test);
            activity.SetTag("stresstest.worker", worker);
            activity.SetTag("stresstest.iteration", iteration);
        }

        return activity;
    }
}

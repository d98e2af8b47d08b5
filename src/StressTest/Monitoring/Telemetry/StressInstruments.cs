// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// The engine's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>StressTest</c>, and their
/// instruments. Static, as the BCL's own are: a listener (the OTLP export, a test's in-memory exporter, a user's SDK)
/// subscribes by name.
/// </summary>
/// <remarks>
/// Nothing here costs anything while nobody listens: the hot path checks <see cref="Instrument.Enabled"/> (a field
/// read) before recording and <see cref="ActivitySource.HasListeners"/> before sampling a trace. Durations are in
/// seconds, as OpenTelemetry's semantic conventions have them; counts per second come from the controller's harvest
/// (<see cref="IntervalMetrics"/>), not from the hot path.
/// </remarks>
internal static class StressInstruments
{
    private static readonly string? Version = typeof(StressInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static ActivitySource Source { get; } = new(StressTestTelemetry.Name, Version);

    public static Meter Meter { get; } = new(StressTestTelemetry.Name, Version);

    /// <summary>Latency of each measured invocation, from its intended start; tags test, outcome.</summary>
    public static Histogram<double> InvocationDuration { get; } = Meter.CreateHistogram<double>(
        "stresstest.invocation.duration", "s", "Latency of measured invocations (from the intended start in the open model and with pacing).");

    /// <summary>Time to the response headers of each measured request; tags test, endpoint, status code.</summary>
    public static Histogram<double> RequestDuration { get; } = Meter.CreateHistogram<double>(
        "stresstest.http.request.duration", "s", "Time to the response headers of measured HTTP requests, by endpoint.");

    /// <summary>Duration of each measured step; tags test, step.</summary>
    public static Histogram<double> StepDuration { get; } = Meter.CreateHistogram<double>(
        "stresstest.step.duration", "s", "Duration of measured steps (StressContext.Step).");

    public static Counter<long> Invocations { get; } = Meter.CreateCounter<long>(
        "stresstest.invocations", "{invocation}", "Measured invocations that completed.");

    public static Counter<long> Errors { get; } = Meter.CreateCounter<long>(
        "stresstest.errors", "{invocation}", "Measured invocations that failed, by error type.");

    public static Counter<long> Dropped { get; } = Meter.CreateCounter<long>(
        "stresstest.dropped", "{arrival}", "Open model: arrivals not started because MaxConcurrency were in flight.");

    public static Gauge<long> InFlight { get; } = Meter.CreateGauge<long>(
        "stresstest.in_flight", "{invocation}", "Invocations in flight at the end of each second.");

    public static Gauge<double> GeneratorCpu { get; } = Meter.CreateGauge<double>(
        "stresstest.generator.cpu", "{core}", "CPU the test process used in the last second, in cores.");

    public static Gauge<double> GeneratorLateness { get; } = Meter.CreateGauge<double>(
        "stresstest.generator.lateness.p99", "s", "p99 of how late the generator started invocations in the last second.");
}

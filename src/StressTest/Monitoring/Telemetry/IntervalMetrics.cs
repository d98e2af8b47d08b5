// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// Publishes a run's counts once per second, from the telemetry the controller merges anyway: invocations, errors by
/// type, dropped arrivals, in flight and the generator's CPU and lateness. Counting here rather than per invocation
/// keeps counters off the hot path entirely, and makes them agree with the report exactly.
/// </summary>
internal sealed class IntervalMetrics(string test)
{
    private readonly KeyValuePair<string, object?> _test = new(StressTestTelemetry.TestKey, test);
    private long _published;

    /// <param name="interval">The interval just merged.</param>
    /// <param name="totalCount">Invocations measured so far, this interval included.</param>
    public void Publish(IntervalTelemetry interval, long totalCount)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var completed = totalCount - _published;
        _published = totalCount;
        if (StressInstruments.Invocations.Enabled && completed > 0)
        {
            StressInstruments.Invocations.Add(completed, _test);
        }

        if (StressInstruments.Errors.Enabled)
        {
            foreach (var error in interval.Errors)
            {
                StressInstruments.Errors.Add(error.Count, _test, new("error.type", error.Kind));
            }
        }

        if (StressInstruments.Dropped.Enabled && interval.Dropped > 0)
        {
            StressInstruments.Dropped.Add(interval.Dropped, _test);
        }

        StressInstruments.InFlight.Record(interval.InFlight, _test);
        if (interval.Health is { } health)
        {
            StressInstruments.GeneratorCpu.Record(health.CpuCores, _test);
            if (health.LatenessP99Ms is { } lateness)
            {
                StressInstruments.GeneratorLateness.Record(lateness / 1000, _test);
            }
        }
    }
}

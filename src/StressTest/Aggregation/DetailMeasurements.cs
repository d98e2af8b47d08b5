// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;

namespace StressTest.Aggregation;

/// <summary>One endpoint over the whole run.</summary>
/// <param name="Name">Method and path template, or the name the test gave.</param>
/// <param name="Latency">Time to the response headers, µs.</param>
/// <param name="Errors">Requests that failed or got a status code the test does not accept.</param>
/// <param name="StatusCodes">Responses by status code, ascending; 0 counts requests without a response.</param>
/// <param name="BytesIn">Response body bytes read.</param>
/// <param name="BytesOut">Request body bytes sent.</param>
internal sealed record EndpointMeasurement(string Name, HistogramBase Latency, long Errors, IReadOnlyList<KeyValuePair<int, long>> StatusCodes, long BytesIn, long BytesOut)
{
    /// <summary>Requests measured: every request gets a status code entry (0 without a response).</summary>
    public long Count => StatusCodes.Sum(c => c.Value);

    public LatencySummary Summary { get; } = LatencySummary.From(Latency);
}

/// <summary>One step over the whole run.</summary>
/// <param name="Name">The step's name.</param>
/// <param name="Latency">Durations, µs.</param>
/// <param name="Errors">Passes whose body threw.</param>
internal sealed record StepMeasurement(string Name, HistogramBase Latency, long Errors)
{
    public long Count => Latency.TotalCount;

    public LatencySummary Summary { get; } = LatencySummary.From(Latency);
}

/// <summary>One check over the whole run.</summary>
/// <param name="Name">The check's name, or the message of a failed MSTest assertion.</param>
/// <param name="Passed">Evaluations that held (0 for assertions: only their failures are seen).</param>
/// <param name="Failed">Evaluations that failed.</param>
/// <param name="IsAssertion">True for a failed MSTest assertion.</param>
internal sealed record CheckMeasurement(string Name, long Passed, long Failed, bool IsAssertion);

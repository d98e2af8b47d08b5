// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Transport.Contracts;

/// <summary>One endpoint's requests in one interval.</summary>
/// <param name="Name">Method and path template, e.g. <c>GET /orders/{id}</c>, or the name the test gave the request.</param>
/// <param name="Latency">Time to the response headers in µs, encoded like <see cref="IntervalTelemetry.Latency"/>.</param>
/// <param name="Errors">Requests that failed or answered with a status code the test does not accept.</param>
/// <param name="StatusCodes">Responses by status code; code 0 counts requests that got no response.</param>
/// <param name="BytesIn">Response body bytes read.</param>
/// <param name="BytesOut">Request body bytes sent (as declared by the content's length).</param>
internal sealed record EndpointInterval(string Name, byte[] Latency, long Errors, IReadOnlyList<StatusCount> StatusCodes, long BytesIn, long BytesOut);

/// <summary>How many responses had a status code.</summary>
internal sealed record StatusCount(int Code, long Count);

/// <summary>One step's passes in one interval.</summary>
/// <param name="Name">The step's name as given to <c>StressContext.Step</c>.</param>
/// <param name="Latency">Durations in µs, encoded like <see cref="IntervalTelemetry.Latency"/>.</param>
/// <param name="Errors">Passes whose body threw.</param>
internal sealed record StepInterval(string Name, byte[] Latency, long Errors);

/// <summary>One check's evaluations in one interval.</summary>
/// <param name="Name">The check's name, or the message of an MSTest assertion that ended an invocation.</param>
/// <param name="Passed">Evaluations that held.</param>
/// <param name="Failed">Evaluations that failed.</param>
/// <param name="IsAssertion">True for a failed MSTest assertion: only failures of those are seen.</param>
internal sealed record CheckInterval(string Name, long Passed, long Failed, bool IsAssertion);

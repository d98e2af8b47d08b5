// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Errors;

namespace StressTest.Workers.Recording;

/// <summary>
/// The named measurements of one agent's run, below the invocation: steps (<c>StressContext.Step</c>), HTTP
/// endpoints (recorded by the <c>StressContext.Http</c> pipeline) and checks (<c>StressContext.Check</c> and MSTest
/// assertions that ended an invocation). Names are found in concurrent dictionaries: after the first pass of a name
/// a lookup reads without locking or allocating.
/// </summary>
/// <remarks>
/// Names are meant to be a handful of fixed labels. An id inside a name ("step-4711") would create a histogram per
/// id, so each kind is capped at <see cref="MaxNames"/>: further endpoints and checks are folded into one "(other)"
/// entry, and a further step name is refused with an exception that says why (the test chose the names). A name is
/// redacted once, when it is first seen (<see cref="Redactor"/>): a check named <c>token=…</c> or a URL with a key in
/// its path segment must not carry the secret into every report.
/// </remarks>
internal sealed class DetailRecorder
{
    public const int MaxNames = 100;
    public const string OtherEndpoints = "(other endpoints)";
    public const string OtherChecks = "(other checks)";

    private readonly ConcurrentDictionary<string, NamedRecorder> _steps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EndpointRecorder> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, bool IsAssertion), CheckCounter> _checks = new();
    private readonly Action<string> _reportProblem;
    private readonly Lock _newName = new();
    private long _failedCheckInvocations;

    /// <param name="reportProblem">Where a misuse that must fail the test is reported (step names that differ
    /// only in case).</param>
    public DetailRecorder(Action<string> reportProblem) => _reportProblem = reportProblem;

    public NamedRecorder Step(string name)
    {
        if (_steps.TryGetValue(name, out var step))
        {
            return step;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("StressContext.Step needs a name: pass a short fixed label such as \"checkout\".", nameof(name));
        }

        lock (_newName)
        {
            if (_steps.TryGetValue(name, out step))
            {
                return step;
            }

            if (_steps.Count >= MaxNames)
            {
                throw new InvalidOperationException($"StressContext.Step(\"{ErrorText.Truncate(name)}\") would be step name number {MaxNames + 1} of the run: step names must be a few fixed labels, not contain ids or counters.");
            }

            // "Checkout" and "checkout" would be two histograms and a threshold would see only one of them.
            if (_steps.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } similar)
            {
                _reportProblem($"Step names \"{ErrorText.Truncate(similar)}\" and \"{ErrorText.Truncate(name)}\" differ only in case: they are measured as two steps. Use one spelling.");
            }

            return _steps[name] = new NamedRecorder(Redactor.Redact(name));
        }
    }

    public EndpointRecorder Endpoint(string name)
    {
        if (_endpoints.TryGetValue(name, out var endpoint))
        {
            return endpoint;
        }

        lock (_newName)
        {
            return _endpoints.TryGetValue(name, out endpoint)
                ? endpoint
                : _endpoints.Count >= MaxNames
                    ? _endpoints.GetOrAdd(OtherEndpoints, static n => new EndpointRecorder(n))
                    : _endpoints[name] = new EndpointRecorder(Redactor.Redact(name));
        }
    }

    /// <summary>One evaluation of a soft check.</summary>
    public void Check(string name, bool passed) => Counter(name, isAssertion: false).Add(passed);

    /// <summary>An MSTest assertion ended an invocation: a failed check named by its message (redacted and truncated
    /// once, when the message is first seen).</summary>
    public void AssertionFailed(string message) => Counter(message, isAssertion: true).Add(passed: false);

    /// <summary>An invocation in which at least one check failed (soft or assertion).</summary>
    public void AddFailedCheckInvocation() => Interlocked.Increment(ref _failedCheckInvocations);

    /// <summary>Moves everything recorded since the last harvest into <paramref name="target"/> (one harvesting
    /// thread only).</summary>
    public void HarvestInto(IntervalAccumulator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var endpoint in _endpoints.Values)
        {
            if (endpoint.Harvest(target.Encode) is { } interval)
            {
                target.Endpoints.Add(interval);
            }
        }

        foreach (var step in _steps.Values)
        {
            var (latency, errors) = step.Harvest();
            if (latency.TotalCount > 0 || errors > 0)
            {
                target.Steps.Add(new(step.Name, target.Encode(latency), errors));
            }
        }

        foreach (var check in _checks.Values)
        {
            if (check.Harvest() is { } interval)
            {
                target.Checks.Add(interval);
            }
        }

        target.FailedCheckInvocations += Interlocked.Exchange(ref _failedCheckInvocations, 0);
    }

    private CheckCounter Counter(string name, bool isAssertion)
    {
        var key = (name, isAssertion);
        if (_checks.TryGetValue(key, out var counter))
        {
            return counter;
        }

        lock (_newName)
        {
            if (_checks.TryGetValue(key, out counter))
            {
                return counter;
            }

            if (_checks.Count >= MaxNames)
            {
                key = (OtherChecks, isAssertion);
                return _checks.GetOrAdd(key, static k => new CheckCounter(k.Name, k.IsAssertion));
            }

            return _checks[key] = new CheckCounter(isAssertion ? ErrorText.Truncate(name) : Redactor.Redact(name), isAssertion);
        }
    }
}

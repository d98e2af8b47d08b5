// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;
using StressTest.Transport.Contracts;

namespace StressTest.Aggregation;

/// <summary>
/// Merges the named measurements of every interval and agent (endpoints, steps, checks) into whole-run totals. Like
/// the run's own histogram, a name's histograms add exactly, whichever agent or second they came from.
/// </summary>
internal sealed class DetailAggregator
{
    private readonly Dictionary<string, EndpointTotal> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LongHistogram Latency, long Errors)> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, bool IsAssertion), (long Passed, long Failed)> _checks = [];

    public long FailedCheckInvocations { get; private set; }

    public void Apply(IntervalTelemetry message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var endpoint in message.Endpoints)
        {
            if (!_endpoints.TryGetValue(endpoint.Name, out var total))
            {
                _endpoints[endpoint.Name] = total = new EndpointTotal();
            }

            total.Add(endpoint);
        }

        foreach (var step in message.Steps)
        {
            var latency = _steps.TryGetValue(step.Name, out var seen) ? seen.Latency : LatencyHistograms.Create();
            latency.Add(HistogramCodec.Decode(step.Latency));
            _steps[step.Name] = (latency, seen.Errors + step.Errors);
        }

        foreach (var check in message.Checks)
        {
            var key = (check.Name, check.IsAssertion);
            var seen = _checks.GetValueOrDefault(key);
            _checks[key] = (seen.Passed + check.Passed, seen.Failed + check.Failed);
        }

        FailedCheckInvocations += message.FailedCheckInvocations;
    }

    /// <summary>Merges each endpoint sent under an earlier name into the name it is reported under (an agent that
    /// learned, mid-run, that a path position varies). Histograms add exactly, so nothing measured is lost.</summary>
    public void Rename(IReadOnlyList<EndpointAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var alias in aliases)
        {
            if (alias.From == alias.To || !_endpoints.Remove(alias.From, out var earlier))
            {
                continue;
            }

            if (!_endpoints.TryGetValue(alias.To, out var total))
            {
                _endpoints[alias.To] = total = new EndpointTotal();
            }

            total.Add(earlier);
        }
    }

    /// <summary>Endpoints by request count, most first.</summary>
    public IReadOnlyList<EndpointMeasurement> Endpoints() => _endpoints
        .Select(e => new EndpointMeasurement(e.Key, e.Value.Latency, e.Value.Errors, e.Value.StatusCodes.OrderBy(c => c.Key).ToList(), e.Value.BytesIn, e.Value.BytesOut))
        .OrderByDescending(e => e.Count)
        .ThenBy(e => e.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Steps by name.</summary>
    public IReadOnlyList<StepMeasurement> Steps() => _steps
        .OrderBy(s => s.Key, StringComparer.Ordinal)
        .Select(s => new StepMeasurement(s.Key, s.Value.Latency, s.Value.Errors))
        .ToList();

    /// <summary>Soft checks by name, then failed assertions by how often they failed.</summary>
    public IReadOnlyList<CheckMeasurement> Checks() => _checks
        .OrderBy(c => c.Key.IsAssertion)
        .ThenBy(c => c.Key.IsAssertion ? -c.Value.Failed : 0)
        .ThenBy(c => c.Key.Name, StringComparer.Ordinal)
        .Select(c => new CheckMeasurement(c.Key.Name, c.Value.Passed, c.Value.Failed, c.Key.IsAssertion))
        .ToList();

    private sealed class EndpointTotal
    {
        public LongHistogram Latency { get; } = LatencyHistograms.Create();

        public Dictionary<int, long> StatusCodes { get; } = [];

        public long Errors { get; private set; }

        public long BytesIn { get; private set; }

        public long BytesOut { get; private set; }

        public void Add(EndpointTotal other)
        {
            Latency.Add(other.Latency);
            Errors += other.Errors;
            BytesIn += other.BytesIn;
            BytesOut += other.BytesOut;
            foreach (var (code, count) in other.StatusCodes)
            {
                StatusCodes[code] = StatusCodes.GetValueOrDefault(code) + count;
            }
        }

        public void Add(EndpointInterval interval)
        {
            Latency.Add(HistogramCodec.Decode(interval.Latency));
            Errors += interval.Errors;
            BytesIn += interval.BytesIn;
            BytesOut += interval.BytesOut;
            foreach (var code in interval.StatusCodes)
            {
                StatusCodes[code.Code] = StatusCodes.GetValueOrDefault(code.Code) + code.Count;
            }
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using MathNet.Numerics.Random;

namespace StressTest.Mocks.Simulation;

/// <summary>
/// One route at run time: its seeded random sequence, its outcome table, its rate limit and its counts. Deciding a
/// request draws one uniform number for the outcome and then the latency, under a lock: the sequence is the same for
/// the same seed whatever the threads, and at the rates a mock serves (thousands per second) the lock costs
/// nanoseconds against the milliseconds it simulates.
/// </summary>
internal sealed class RouteSimulation
{
    private readonly MockRoute _route;
    private readonly ResponseTemplate _response;
    private readonly (Failure Failure, ResponseTemplate? Response, double UpTo)[] _failures;
    private readonly TokenBucket? _rateLimit;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly string[] _labels;      // 0: the response, 1…n: the failures, n+1: rate limited
    private readonly long[] _counts;

    public RouteSimulation(MockRoute route, int seed, int index, TimeProvider time)
    {
        _route = route;
        _response = Within("response", () => ResponseTemplate.From(route.Response));
        _failures = new (Failure, ResponseTemplate?, double)[route.Failures.Count];
        var upTo = 0.0;
        for (var i = 0; i < _failures.Length; i++)
        {
            var failure = route.Failures[i] ?? throw new MockDefinitionException($"failures[{i}]", "is missing");
            if (failure.Kind == FailureKind.SlowBody && _response.Body.Length == 0)
            {
                throw new MockDefinitionException($"failures[{i}]", "a slow body needs the route's response to have a body to trickle");
            }

            upTo += failure.Probability;
            var response = failure.Response is { } r ? Within($"failures[{i}]", () => ResponseTemplate.From(r)) : null;
            _failures[i] = (failure, response, upTo);
        }

        // A little slack for decimal fractions that do not add up exactly in binary (0.1 + 0.2 + 0.7).
        if (upTo > 1 + 1e-9)
        {
            throw new MockDefinitionException("failures", $"the probabilities add up to {upTo.ToString("0.######", CultureInfo.InvariantCulture)}, above 1; expected a sum of at most 1 (the rest of the requests succeed)");
        }

        _rateLimit = route.RateLimit is { } limit ? new TokenBucket(limit, time) : null;
        _random = new Xoshiro256StarStar(DeriveSeed(seed, index), threadSafe: false);
        _labels = [Label(route.Response.Status, null), .. _failures.Select(f => Label(0, f.Failure)), "rate limited 429"];
        _counts = new long[_labels.Length];
        Name = route.ToString();
    }

    /// <summary><c>POST /v1/charges</c>.</summary>
    public string Name { get; }

    public bool Matches(string method, string path) =>
        (_route.Method == "*" || _route.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) && _route.Template.Matches(path);

    /// <summary>Decides one request and counts it.</summary>
    public Decision Decide()
    {
        if (_rateLimit is not null && !_rateLimit.TryTake(out var retryAfter))
        {
            Interlocked.Increment(ref _counts[^1]);
            return new Decision(DecisionAction.Answer, TimeSpan.Zero, ResponseTemplate.TooManyRequests, RetryAfter: retryAfter);
        }

        lock (_gate)
        {
            var draw = _random.NextDouble();
            for (var i = 0; i < _failures.Length; i++)
            {
                var (failure, response, upTo) = _failures[i];
                if (draw < upTo)
                {
                    Interlocked.Increment(ref _counts[i + 1]);
                    return failure.Kind switch
                    {
                        FailureKind.Timeout => new Decision(DecisionAction.Hang, Timeout.InfiniteTimeSpan, null),
                        FailureKind.Status => new Decision(DecisionAction.Answer, Sample(failure), response),
                        FailureKind.ConnectionReset => new Decision(DecisionAction.Reset, Sample(failure), null),
                        _ => new Decision(DecisionAction.Trickle, Sample(failure), _response, failure.BytesPerSecond),
                    };
                }
            }

            Interlocked.Increment(ref _counts[0]);
            return new Decision(DecisionAction.Answer, _route.Latency.Sample(_random), _response);
        }
    }

    /// <summary>Counts by outcome, prefixed with the route (<c>POST /v1/charges 503</c>); every configured outcome,
    /// zero included (a configured failure that never happened is worth seeing), the rate limit only if set.</summary>
    public IEnumerable<KeyValuePair<string, long>> Counts()
    {
        var last = _route.RateLimit is null ? _labels.Length - 1 : _labels.Length;
        for (var i = 0; i < last; i++)
        {
            yield return KeyValuePair.Create(Name + " " + _labels[i], Interlocked.Read(ref _counts[i]));
        }
    }

    /// <summary><c>POST /v1/charges → 201; latency lognormal median 40ms, p99 300ms; failures status 503 2.00 %, timeout 0.50 %</c>.</summary>
    public string Describe()
    {
        var failures = _failures.Length == 0 ? string.Empty : "; failures " + string.Join(", ", _failures.Select(f => f.Failure.ToString()));
        var rateLimit = _route.RateLimit is { } limit ? "; rate limit " + limit.ToString("0.###", CultureInfo.InvariantCulture) + "/s" : string.Empty;
        return $"{Name} → {_route.Response.Status.ToString(CultureInfo.InvariantCulture)}; latency {_route.Latency}{failures}{rateLimit}";
    }

    private TimeSpan Sample(Failure failure) => (failure.Latency ?? _route.Latency).Sample(_random);

    private static string Label(int status, Failure? failure) => failure?.Kind switch
    {
        null => status.ToString(CultureInfo.InvariantCulture),
        FailureKind.Status => failure.Response!.Status.ToString(CultureInfo.InvariantCulture),
        FailureKind.Timeout => "timeout",
        FailureKind.ConnectionReset => "reset",
        _ => "slow body",
    };

    /// <summary>Each route its own sequence, so adding a route leaves the others' draws alone: SplitMix64 of the
    /// profile's seed and the route's position (a fixed mix: <see cref="HashCode"/> is randomised per process).</summary>
    private static int DeriveSeed(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z);
    }

    private static T Within<T>(string field, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (MockDefinitionException ex)
        {
            throw ex.Within(field);
        }
    }
}

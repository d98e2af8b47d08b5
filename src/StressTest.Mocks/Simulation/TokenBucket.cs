// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Simulation;

/// <summary>
/// The rate limit of a route: a bucket of one second's worth of tokens, refilled continuously at the rate; a request
/// takes a token or is rejected. Short bursts pass, a sustained rate above the limit is cut to the limit. Written
/// here on <see cref="TimeProvider"/> (System.Threading.RateLimiting's token bucket refills on its own timer, which
/// a fake clock cannot drive).
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly double _capacity;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double perSecond, TimeProvider time)
    {
        _time = time;
        _perSecond = perSecond;
        _capacity = Math.Max(1, perSecond);
        _tokens = _capacity;
        _lastRefill = time.GetTimestamp();
    }

    /// <summary>Takes a token; when there is none, <paramref name="retryAfter"/> is when the next one comes.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_lastRefill, now).TotalSeconds * _perSecond));
            _lastRefill = now;
            if (_tokens >= 1)
            {
                _tokens--;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            return false;
        }
    }
}

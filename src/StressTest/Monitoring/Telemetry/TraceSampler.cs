// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Monitoring.Telemetry;

/// <summary>
/// Which invocations of a slot are traced: a running credit that gains the sample rate per invocation and spends 1
/// per trace, so a slot traces exactly every 1/rate-th invocation. Deterministic, no random number, no shared state
/// (each slot has its own), so deciding costs an addition and a compare.
/// </summary>
internal struct TraceSampler
{
    private double _credit;

    /// <summary>Starts a slot's credit: with rate 1 every invocation is traced, below 1 the first trace comes after
    /// 1/rate invocations, staggered by slot so that many slots do not all trace the same round.</summary>
    public TraceSampler(double rate, int slot)
    {
        _credit = rate >= 1 ? 0 : slot * 0.618_033_988_749_895 % 1.0;
    }

    /// <summary>True when this invocation is to be traced.</summary>
    public bool Next(double rate)
    {
        _credit += rate;
        if (_credit < 1)
        {
            return false;
        }

        _credit -= 1;
        return true;
    }
}

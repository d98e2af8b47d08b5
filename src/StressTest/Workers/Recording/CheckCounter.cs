// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Workers.Recording;

/// <summary>Passes and failures of one check since the last harvest; Interlocked counters, any thread.</summary>
internal sealed class CheckCounter(string name, bool isAssertion)
{
    private long _passed;
    private long _failed;

    public void Add(bool passed)
    {
        if (passed)
        {
            Interlocked.Increment(ref _passed);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>The counts since the last harvest, or null when there were none.</summary>
    public CheckInterval? Harvest()
    {
        var passed = Interlocked.Exchange(ref _passed, 0);
        var failed = Interlocked.Exchange(ref _failed, 0);
        return passed + failed == 0 ? null : new CheckInterval(name, passed, failed, isAssertion);
    }
}

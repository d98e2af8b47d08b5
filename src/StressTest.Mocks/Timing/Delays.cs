// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Timing;

/// <summary>
/// How a mock waits out a simulated latency. On the real clock, <see cref="PreciseDelays"/>: .NET timers (and so
/// <c>Task.Delay</c>) run on the coarse millisecond tick, which on Linux advances in steps of up to 4 ms; measured
/// here, <c>Task.Delay(40 ms)</c> ended between 3 ms early and 12.7 ms late, which alone would move a 40 ms median by
/// more than the 5 % a simulation must keep to. On any other clock (a fake one in tests), that clock's
/// <c>Task.Delay</c>, so tests can drive the waits.
/// </summary>
internal abstract class Delays
{
    public static Delays For(TimeProvider time) =>
        time == TimeProvider.System ? PreciseDelays.Shared : new TimeProviderDelays(time);

    /// <summary>Completes after <paramref name="delay"/>; cancelled by <paramref name="cancellationToken"/>.</summary>
    public abstract Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>On a clock that is not the system's.</summary>
    private sealed class TimeProviderDelays(TimeProvider time) : Delays
    {
        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
    }
}

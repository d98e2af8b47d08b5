// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// When a second of the measured window still belongs to the generator's own warm-up: the test process spent at least
/// <see cref="JitShare"/> of a core compiling methods in it. Such a second counts toward the generator verdict with a
/// reason that says so: <c>warming: 1,240 methods compiled, 380 ms of JIT in this second</c>.
/// </summary>
/// <remarks>
/// 15 % of a core: above the trickle the engine's own once-a-second work keeps up for a minute (20-80 ms a second of
/// tier-up compilation, which changed no throughput), and far below what a cold HTTP client costs (380-580 ms a second
/// for the first 10 s on two busy cores, while throughput climbed from ~5k to ~26k requests/s). The automatic warm-up
/// ends only once the JIT is below 10 % of a core, so a run warmed automatically is not marked warming by its trickle.
/// </remarks>
internal static class WarmingRule
{
    /// <summary>JIT time, as a share of one core over the second, from which the second is warming.</summary>
    public const double JitShare = 0.15;

    /// <summary>What a warming reason starts with.</summary>
    public const string Prefix = "warming: ";

    /// <summary>The reason, or null when the second was not warming.</summary>
    public static string? Reason(GeneratorHealth health, double seconds)
    {
        ArgumentNullException.ThrowIfNull(health);
        return seconds > 0 && health.JitMs >= JitShare * 1000 * seconds
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{health.JitMethods:N0} methods compiled, {health.JitMs:N0} ms of JIT in this second")
            : null;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// When the machine, not the generator, is to blame for a late second: other processes used at least
/// <see cref="MachineLoad.OthersShare"/> of its cores while this process reached none of the generator's own limits
/// (the verdict asks only then). The reason names the other load:
/// <c>other processes 1.2 of 2 cores: dotnet MSBuild.dll (pid 4711) 0.9 cores</c>.
/// </summary>
/// <remarks>
/// On a shared two-core machine the old verdict blamed the generator for late starts at 20 requests/s with the test
/// process at 0.1-0.3 cores: the pacer's thread was waiting for a core that builds next door held. Such lateness is
/// real (latency from the intended start includes it) but it is the machine's, and the warning says whose. The whole
/// machine need not be saturated: with the test process at 0.05 cores and the machine at 1.26 of 2, a pacer at 100/s
/// still woke up to 18 ms late behind the other processes' threads.
/// </remarks>
internal static class ContentionRule
{
    /// <summary>What a contention reason starts with.</summary>
    public const string Prefix = "other processes ";

    /// <summary>The reason, or null when the machine was not busy with other work in the second (or its load is unknown).</summary>
    public static string? Reason(GeneratorHealth health, int cores)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (health.MachineCpuCores is not { } machine)
        {
            return null;
        }

        var others = machine - health.CpuCores;
        if (others < MachineLoad.OthersShare * cores)
        {
            return null;
        }

        var named = health.BusiestOthers.Count > 0 ? ": " + string.Join(", ", health.BusiestOthers) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{others:0.##} of {cores} cores{named}");
    }
}

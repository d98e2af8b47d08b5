// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Evaluation.Baselines;

/// <summary>
/// What differs between a baseline and the current run besides the code: the machine fingerprint (cores, CPU
/// model, OS, runtime, tool version; not the machine's name, which differs between identical CI runners), the
/// profile and the load. Each difference is a warning: the comparison still runs, but its result may be the
/// machine's or the load's, not the code's.
/// </summary>
internal static class RunCompatibility
{
    public static IReadOnlyList<string> Warnings(RunFigures baseline, RunFigures current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var warnings = new List<string>();
        var b = baseline.Fingerprint;
        var c = current.Fingerprint;
        var machine = Differences(
            ("cores", b.Machine.Cores.ToString(CultureInfo.InvariantCulture), c.Machine.Cores.ToString(CultureInfo.InvariantCulture)),
            ("cpu", b.Machine.Cpu, c.Machine.Cpu),
            ("os", b.Machine.Os, c.Machine.Os),
            ("runtime", b.Machine.Runtime, c.Machine.Runtime),
            ("tool", b.Machine.ToolVersion, c.Machine.ToolVersion));
        if (machine.Length > 0)
        {
            warnings.Add($"the baseline was measured on another machine fingerprint ({machine}): differences may be the machine's, not the code's; record baselines where the gate runs.");
        }

        if (!string.Equals(b.Profile, c.Profile, StringComparison.Ordinal))
        {
            warnings.Add($"the baseline is of profile {b.Profile ?? "(none)"}, this run of {c.Profile ?? "(none)"}.");
        }

        var bl = b.Load;
        var cl = c.Load;
        var load = Differences(
            ("model", bl.Model, cl.Model),
            ("concurrency", Text(bl.Concurrency), Text(cl.Concurrency)),
            ("rate", Text(bl.Rate), Text(cl.Rate)),
            ("maxConcurrency", Text(bl.MaxConcurrency), Text(cl.MaxConcurrency)),
            ("arrivals", bl.Arrivals, cl.Arrivals),
            ("pacing", bl.Pacing, cl.Pacing),
            ("stages", bl.Stages, cl.Stages),
            ("timeout", bl.Timeout, cl.Timeout));
        if (load.Length > 0)
        {
            warnings.Add($"the baseline ran another load ({load}): latency and rps depend on the load.");
        }

        if (!string.Equals(b.Outcome, "passed", StringComparison.Ordinal))
        {
            warnings.Add($"the baseline run did not pass (outcome {b.Outcome}).");
        }

        return warnings;
    }

    private static string Differences(params (string Name, string? Before, string? Now)[] fields) => string.Join(
        "; ",
        fields.Where(f => !string.Equals(f.Before, f.Now, StringComparison.Ordinal)).Select(f => $"{f.Name} \"{f.Before ?? "-"}\" → \"{f.Now ?? "-"}\""));

    private static string? Text<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);
}

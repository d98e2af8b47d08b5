// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest.Evaluation;

/// <summary>What one dependency of the system under test reported about the run (<see cref="StressSetupContext.ReportDependency"/>):
/// counters by name, in the dependency's order.</summary>
/// <param name="Name">The dependency's name, cut to <see cref="MaxNameLength"/> characters.</param>
/// <param name="Counters">At most <see cref="MaxCounters"/> counters, names cut to <see cref="MaxNameLength"/>.</param>
internal sealed record DependencyCounters(string Name, IReadOnlyList<KeyValuePair<string, long>> Counters)
{
    public const int MaxCounters = 100;
    public const int MaxNameLength = 100;

    /// <summary>Reads every registered dependency once. A reader that throws becomes a problem of the run (and fails
    /// the test), naming the dependency; the others are still read.</summary>
    public static IReadOnlyList<DependencyCounters> ReadAll(StressSetupContext setup, RunDiagnostics diagnostics)
    {
        var read = new List<DependencyCounters>();
        foreach (var (name, readCounters) in setup.Dependencies)
        {
            try
            {
                var counters = readCounters() ?? throw new InvalidOperationException("it returned null");
                read.Add(new DependencyCounters(
                    Clean(name),
                    counters.Take(MaxCounters).Select(c => KeyValuePair.Create(Clean(c.Key), c.Value)).ToList()));
            }
            catch (Exception ex)
            {
                diagnostics.Problem($"Reading the counters of dependency \"{Clean(name)}\" (StressSetupContext.ReportDependency) threw {ErrorText.Describe(ex)}");
            }
        }

        return read;
    }

    /// <summary>Names come from user code and, through a mock's profile, from files: one line, printable, bounded.</summary>
    private static string Clean(string? name)
    {
        var text = string.Concat((name ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length > MaxNameLength ? string.Concat(text.AsSpan(0, MaxNameLength - 1), "…") : text;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>Whether a suggested text would be accepted, by the same shared rules that rejected the original, and
/// which units to try after a bare number.</summary>
internal static class ArgumentFixes
{
    /// <summary>True when the attribute's <paramref name="property"/> set to <paramref name="candidate"/> has no
    /// problem of its own left (other properties' problems are theirs).</summary>
    public static bool IsValid(IReadOnlyDictionary<string, object?> arguments, string property, string candidate)
    {
        var changed = arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        changed[property] = candidate;
        var problems = new List<PlanProblem>();
        LoadArguments.Read(changed, problems);
        return !problems.Any(p => p.Kind is ProblemKind.Duration or ProblemKind.Stages && p.Properties.Count > 0 && p.Properties[0] == property);
    }

    /// <summary>Pacing and Timeout are usually milliseconds; the run's lengths and the stages' durations seconds.</summary>
    public static IReadOnlyList<string> Units(string property) => property switch
    {
        ArgumentNames.Pacing or ArgumentNames.Timeout => ["ms", "s"],
        ArgumentNames.Stages => ["s", "m"],
        _ => ["s", "ms"],
    };
}

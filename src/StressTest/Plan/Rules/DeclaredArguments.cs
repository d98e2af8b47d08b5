// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Plan.Rules;

/// <summary>
/// Everything <c>[StressTest]</c> and its <c>[Threshold]</c>s say, read and checked: the load, the profiles, the
/// thresholds and the accepted status codes. The one reader of attribute values: the plan builder calls it with
/// the values reflection reads, the analyzer with the values Roslyn reads, so a property validated at run time is
/// flagged while typing too, in the same words.
/// </summary>
/// <param name="Load">The load as written (settings not applied).</param>
/// <param name="Profiles">The profiles the test runs in, lower-cased; empty for every profile.</param>
/// <param name="Thresholds">The thresholds that parsed, in declaration order.</param>
/// <param name="AcceptStatus">The status codes that are not errors.</param>
internal sealed record DeclaredArguments(LoadArguments Load, IReadOnlyList<string> Profiles, IReadOnlyList<Threshold> Thresholds, StatusCodeSet AcceptStatus)
{
    /// <summary>Reads the named arguments the user set (<paramref name="arguments"/>, enums as their numbers) and the
    /// thresholds, adding every problem to <paramref name="problems"/>.</summary>
    public static DeclaredArguments Read(
        IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<ThresholdDeclaration> thresholds, List<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(problems);
        var load = LoadArguments.Read(arguments, problems);

        var profiles = ProfileNames.Parse(arguments);
        if (!profiles.IsSuccess)
        {
            problems.Add(new PlanProblem(ProblemKind.Profiles, profiles.Error) { Properties = [ArgumentNames.Profiles] });
        }

        var parsedThresholds = new List<Threshold>();
        for (var index = 0; index < thresholds.Count; index++)
        {
            var parsed = ThresholdParser.Parse(thresholds[index].Expression, thresholds[index].Step);
            if (parsed.IsSuccess)
            {
                parsedThresholds.Add(parsed.Value);
            }
            else
            {
                problems.Add(new PlanProblem(ProblemKind.Threshold, $"[Threshold]: {parsed.Error}") { Threshold = index });
            }
        }

        var acceptStatus = StatusCodeSet.Default;
        if (arguments.TryGetValue(ArgumentNames.AcceptStatus, out var acceptText) && acceptText is not null)
        {
            var parsed = StatusCodeSet.Parse(acceptText as string);
            if (parsed.IsSuccess)
            {
                acceptStatus = parsed.Value;
            }
            else
            {
                problems.Add(new PlanProblem(ProblemKind.AcceptStatus, $"[StressTest(AcceptStatus = \"{acceptText}\")]: {parsed.Error}") { Properties = [ArgumentNames.AcceptStatus] });
            }
        }

        return new DeclaredArguments(load, profiles.IsSuccess ? profiles.Value : [], parsedThresholds, acceptStatus);
    }
}

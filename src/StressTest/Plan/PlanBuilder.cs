// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Discovery;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Plan.Settings;

namespace StressTest.Plan;

/// <summary>
/// Turns a declaration (attribute values as written) and the run's settings into a <see cref="StressPlan"/>,
/// or into every problem found at once, each naming the attribute, the bad value and what was expected.
/// </summary>
internal static class PlanBuilder
{
    public static ParseResult<StressPlan> Build(StressTestDeclaration declaration, StressSettings settings)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (declaration.Problem is { } problem)
        {
            problems.Add(problem);
        }

        var load = LoadScaler.Apply(LoadReader.Read(declaration.Arguments, settings, problems), settings.Gates.RateScale, problems);
        var profiles = ProfileSelection.Parse(declaration.Arguments);
        if (!profiles.IsSuccess)
        {
            problems.Add(profiles.Error);
        }

        var thresholds = new List<Threshold>();
        foreach (var written in declaration.Thresholds)
        {
            var parsed = ThresholdParser.Parse(written.Expression, written.Step);
            if (parsed.IsSuccess)
            {
                thresholds.Add(parsed.Value);
            }
            else
            {
                problems.Add($"[Threshold]: {parsed.Error}");
            }
        }

        var acceptStatus = StatusCodeSet.Default;
        if (declaration.Arguments.TryGetValue(nameof(StressTestAttribute.AcceptStatus), out var acceptText) && acceptText is not null)
        {
            var parsed = StatusCodeSet.Parse(acceptText as string);
            if (parsed.IsSuccess)
            {
                acceptStatus = parsed.Value;
            }
            else
            {
                problems.Add($"[StressTest(AcceptStatus = \"{acceptText}\")]: {parsed.Error}");
            }
        }

        var method = TestMethod.Check(declaration.TestClass, declaration.Method);
        if (!method.IsSuccess)
        {
            problems.Add(method.Error);
        }

        var lifecycle = LifecycleMethods.Find(declaration.TestClass);
        if (!lifecycle.IsSuccess)
        {
            problems.Add(lifecycle.Error);
        }

        if (problems.Count > 0)
        {
            return ParseResult<StressPlan>.Failure(string.Join(Environment.NewLine, problems));
        }

        return ParseResult<StressPlan>.Success(new StressPlan(
            declaration.FullyQualifiedName,
            declaration.DisplayName,
            method.Value!,
            lifecycle.Value!,
            load,
            thresholds,
            settings)
        {
            AcceptStatus = acceptStatus,
        });
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Discovery;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Plan.Settings;

namespace StressTest.Plan;

/// <summary>
/// Turns a declaration (attribute values as written) and the run's settings into a <see cref="StressPlan"/>,
/// or into every problem found at once, each naming the attribute, the bad value and what was expected.
/// </summary>
/// <remarks>
/// What the attributes say is read by <see cref="DeclaredArguments"/> and the methods are checked by
/// <see cref="MethodRules"/>: the rules the analyzer applies while the user types, so the two never disagree. Only
/// the settings (DurationScale, RateScale) are the run's own.
/// </remarks>
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

        var found = new List<PlanProblem>();
        var declared = DeclaredArguments.Read(declaration.Arguments, declaration.Thresholds, found);
        problems.AddRange(found.Select(p => p.Message));
        var load = LoadScaler.Apply(LoadReader.ToProfile(declared.Load, settings), settings.Gates.RateScale, problems);

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
            declared.Thresholds,
            settings)
        {
            AcceptStatus = declared.AcceptStatus,
        });
    }
}

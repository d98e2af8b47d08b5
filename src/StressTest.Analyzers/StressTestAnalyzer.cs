// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>
/// Reports, at the attribute, every <c>[StressTest]</c>, <c>[Threshold]</c> and lifecycle input the runtime would
/// reject (STRESS101–STRESS111), with the runtime's own message: the attribute data Roslyn reads becomes the same
/// dictionary the runtime's scanner builds, and the same shared rules (Plan/Rules) judge it.
/// </summary>
/// <remarks>Attributes are matched by full name, as the runtime's scanner matches them, so a project compiled
/// against any copy of StressTest.dll is analysed; a project without StressTest costs one lookup.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class StressTestAnalyzer : DiagnosticAnalyzer
{
    internal const string StressTestAttributeName = "StressTest.StressTestAttribute";
    internal const string ThresholdAttributeName = "StressTest.ThresholdAttribute";

    /// <summary>Diagnostic property holding the index of a suggested replacement text (code fix).</summary>
    internal const string SuggestionPrefix = "Suggestion";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(Descriptors.ByKind.Values.OrderBy(d => d.Id, StringComparer.Ordinal));

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownAttributes.From(start.Compilation) is not { } attributes)
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeMethod(c, attributes), SymbolKind.Method);
            start.RegisterSymbolAction(c => AnalyzeType(c, attributes), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownAttributes attributes)
    {
        var method = (IMethodSymbol)context.Symbol;
        var marks = method.GetAttributes();
        if (marks.IsEmpty)
        {
            return;
        }

        AttributeData? stressTest = null;
        var thresholds = new List<AttributeData>();
        foreach (var attribute in marks)
        {
            if (KnownAttributes.Is(attribute, attributes.StressTest))
            {
                stressTest = attribute;
            }
            else if (KnownAttributes.Is(attribute, attributes.Threshold))
            {
                thresholds.Add(attribute);
            }
        }

        AnalyzeLifecycleMethod(context, method, marks, attributes);
        if (stressTest is not null)
        {
            AnalyzeArguments(context, method, stressTest, thresholds);
            AnalyzeSignature(context, method, stressTest, attributes);
        }
    }

    /// <summary>Everything the attributes say, read by the shared <see cref="DeclaredArguments"/>.</summary>
    private static void AnalyzeArguments(SymbolAnalysisContext context, IMethodSymbol method, AttributeData stressTest, List<AttributeData> thresholds)
    {
        var arguments = AttributeReading.Arguments(stressTest);
        var declared = thresholds.Select(AttributeReading.Threshold).ToList();
        var problems = new List<PlanProblem>();
        DeclaredArguments.Read(arguments, declared, problems);
        var syntax = AttributeReading.Syntax(stressTest, context.CancellationToken);
        foreach (var problem in problems)
        {
            var descriptor = Descriptors.ByKind[problem.Kind];
            if (problem.Threshold is { } index)
            {
                var thresholdSyntax = AttributeReading.Syntax(thresholds[index], context.CancellationToken);
                var expression = AttributeReading.FirstArgument(thresholdSyntax);
                var suggestions = Suggestions(expression, declared[index].Expression, candidate => ThresholdFixes.IsValid(candidate, declared[index].Step), ThresholdFixes.Units);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, expression?.GetLocation() ?? AttributeReading.Location(thresholdSyntax, method), suggestions, problem.Message));
                continue;
            }

            var written = problem.Properties.Select(p => AttributeReading.NamedArgument(syntax, p)).ToList();
            var location = written.FirstOrDefault(e => e is not null)?.GetLocation() ?? AttributeReading.Location(syntax, method);
            var others = written.Skip(1).Where(e => e is not null).Select(e => e!.GetLocation());
            var properties = problem.Kind is ProblemKind.Duration or ProblemKind.Stages && problem.Properties.Count == 1
                ? Suggestions(written[0], arguments.TryGetValue(problem.Properties[0], out var value) ? value as string : null, candidate => ArgumentFixes.IsValid(arguments, problem.Properties[0], candidate), ArgumentFixes.Units(problem.Properties[0]))
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, others, properties, problem.Message));
        }
    }

    /// <summary>Replacement texts a code fix can offer, when the value is a plain string literal it can rewrite.</summary>
    private static ImmutableDictionary<string, string?> Suggestions(ExpressionSyntax? written, string? text, Func<string, bool> isValid, IReadOnlyList<string> units)
    {
        if (text is null || written is not LiteralExpressionSyntax literal || literal.Token.ValueText != text)
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        return TextSuggestions.For(text, isValid, units)
            .Select((suggestion, index) => (Key: SuggestionPrefix + index, Value: suggestion))
            .ToImmutableDictionary(s => s.Key, s => (string?)s.Value);
    }
}

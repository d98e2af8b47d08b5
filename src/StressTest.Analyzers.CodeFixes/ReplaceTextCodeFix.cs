// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StressTest.Analyzers.CodeFixes;

/// <summary>
/// Offers the texts the analyzer found the shared rules would accept (a known unit for a mistyped one, a unit for a
/// bare number) for a bad duration, stages or threshold: <c>"p95 &lt; 150 parsecs"</c> → <c>"p95 &lt; 150s"</c>. The
/// analyzer computes them, where the attribute's other values are at hand to validate each against.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceTextCodeFix)), Shared]
public sealed class ReplaceTextCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(Descriptors.Duration.Id, Descriptors.Stages.Id, Descriptors.Threshold.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            for (var index = 0; index < TextSuggestions.Max; index++)
            {
                var key = StressTestAnalyzer.SuggestionPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!diagnostic.Properties.TryGetValue(key, out var text) || text is null)
                {
                    break;
                }

                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use \"{text}\"",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                        equivalenceKey: key),
                    diagnostic);
            }
        }
    }
}

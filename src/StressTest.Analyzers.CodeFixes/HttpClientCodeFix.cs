// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace StressTest.Analyzers.CodeFixes;

/// <summary>
/// STRESS112: <c>new HttpClient()</c> → <c>ctx.Http</c>, the run's measured client. The method's StressContext
/// parameter is used, or added first when the method takes () or (CancellationToken), shapes that stay supported
/// with it. A <c>using</c> around the client goes: the run owns ctx.Http and must not see it disposed. Offered only
/// for a client made without arguments or initializer; anything else configured the client in a way ctx.Http does
/// not know (its base address comes from setup), which the user has to carry over.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpClientCodeFix)), Shared]
public sealed class HttpClientCodeFix : CodeFixProvider
{
    private const string ContextType = "StressTest.StressContext";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.HttpClient.Id);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax creation
            || creation.ChildNodes().Any(n => n is ArgumentListSyntax { Arguments.Count: > 0 } or InitializerExpressionSyntax)
            || creation.Parent is UsingStatementSyntax
            || creation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || model?.GetDeclaredSymbol(method, context.CancellationToken) is not { } symbol)
        {
            return;
        }

        var parameters = symbol.Parameters;
        var existing = parameters.FirstOrDefault(p => p.Type.ToDisplayString() == ContextType);
        var canAdd = parameters.Length == 0 || (parameters.Length == 1 && parameters[0].Type.ToDisplayString() == "System.Threading.CancellationToken");
        if (existing is null && !canAdd)
        {
            return;
        }

        var name = existing?.Name ?? "ctx";
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use {name}.Http",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, Fix(method, creation, name, addParameter: existing is null)))),
                equivalenceKey: nameof(HttpClientCodeFix)),
            context.Diagnostics);
    }

    private static MethodDeclarationSyntax Fix(MethodDeclarationSyntax method, ExpressionSyntax creation, string name, bool addParameter)
    {
        var http = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.IdentifierName("Http"))
            .WithTriviaFrom(creation);
        var fixedMethod = creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }
            ? WithoutUsing(method, declaration, declaration.ReplaceNode(creation, http))
            : method.ReplaceNode(creation, http);
        if (!addParameter)
        {
            return fixedMethod;
        }

        var type = SyntaxFactory.ParseTypeName(ContextType).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(type.WithTrailingTrivia(SyntaxFactory.Space));
        return fixedMethod.WithParameterList(fixedMethod.ParameterList
            .WithParameters(fixedMethod.ParameterList.Parameters.Insert(0, parameter))
            .WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>The declaration with its new initializer, out of any <c>using</c>: <c>using var http = …;</c> loses the
    /// keyword, <c>using (var http = …) { … }</c> becomes the declaration followed by the body's statements.</summary>
    private static MethodDeclarationSyntax WithoutUsing(MethodDeclarationSyntax method, VariableDeclarationSyntax declaration, VariableDeclarationSyntax fixedDeclaration)
    {
        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax local when !local.UsingKeyword.IsKind(SyntaxKind.None):
                var plain = local.WithDeclaration(fixedDeclaration)
                    .WithAwaitKeyword(default)
                    .WithUsingKeyword(default)
                    .WithLeadingTrivia(local.GetLeadingTrivia());
                return method.ReplaceNode(local, plain);
            case UsingStatementSyntax usingStatement:
                var statements = new List<StatementSyntax> { SyntaxFactory.LocalDeclarationStatement(fixedDeclaration).WithLeadingTrivia(usingStatement.GetLeadingTrivia()) };
                statements.AddRange(usingStatement.Statement is BlockSyntax body ? body.Statements : [usingStatement.Statement]);
                var formatted = statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                return usingStatement.Parent is BlockSyntax
                    ? method.ReplaceNode(usingStatement, formatted)
                    : method.ReplaceNode(usingStatement, SyntaxFactory.Block(formatted).WithAdditionalAnnotations(Formatter.Annotation));
            default:
                return method.ReplaceNode(declaration, fixedDeclaration);
        }
    }
}

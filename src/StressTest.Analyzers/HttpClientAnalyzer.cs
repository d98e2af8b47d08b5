// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StressTest.Analyzers;

/// <summary>
/// STRESS112: <c>new HttpClient()</c> inside a stress-test method (its lambdas and local functions included). Such a
/// client bypasses what <c>ctx.Http</c> gives every request (measurement per endpoint, AcceptStatus, the host guard)
/// and, created per invocation, exhausts sockets under load. A warning, not an error: the runtime runs it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpClientAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HttpClient);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var stressTest = start.Compilation.GetTypeByMetadataName(StressTestAnalyzer.StressTestAttributeName);
            var httpClient = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            if (stressTest is null || httpClient is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, stressTest, httpClient), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol stressTest, INamedTypeSymbol httpClient)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, httpClient) || StressTestMethod(context.ContainingSymbol, stressTest) is not { } method)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.HttpClient, creation.Syntax.GetLocation(), method.Name));
    }

    /// <summary>The <c>[StressTest]</c> method the code belongs to, looking out of lambdas and local functions.</summary>
    private static IMethodSymbol? StressTestMethod(ISymbol? symbol, INamedTypeSymbol stressTest)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol is IMethodSymbol method && KnownAttributes.Find(method, stressTest) is not null ? method : null;
    }
}

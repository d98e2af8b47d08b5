// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StressTest.Analyzers.Tests.TestSupport;

/// <summary>
/// Runs an analyzer (and a code fix) over a test source with Roslyn's testing library. The source is compiled
/// against this machine's .NET runtime assemblies and the real StressTest.dll, after the usings a user's test project
/// has (the SDK's implicit ones and <c>using StressTest;</c>); nothing is downloaded.
/// </summary>
/// <remarks>The tests run the analyzer on the Roslyn it is built against, the oldest it supports (3.7: C# 8), so the
/// test sources are C# 8: no global usings, records or file-scoped namespaces. The end-to-end test
/// (AnalyzerFixtureTests) runs it in this SDK's compiler on today's C#.</remarks>
internal static class Verify
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using StressTest;

        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(runtime, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(StressTestAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    /// <summary>Checks that <typeparamref name="TAnalyzer"/> reports exactly <paramref name="expected"/> (and the
    /// markup's <c>{|ID:…|}</c> spans) on <paramref name="source"/>.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        Prepare(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks that applying the code fix with <paramref name="equivalenceKey"/> turns <paramref name="source"/>
    /// into <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Prepare(test.TestState);
        Prepare(test.FixedState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A diagnostic of <paramref name="id"/> at markup location <c>{|#index:…|}</c> with the runtime's message.</summary>
    public static DiagnosticResult Diagnostic(string id, int location, string message) =>
        new DiagnosticResult(id, id == "STRESS112" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error).WithLocation(location).WithMessage(message);

    private static void Prepare(SolutionState state)
    {
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(References.Value);
    }
}

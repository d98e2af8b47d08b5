// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>The methods' facet: a stress-test method's signature and class, lifecycle methods, and what the runtime
/// checks per class (overloaded stress tests, more than one lifecycle method of a kind), all with the shared
/// <see cref="MethodRules"/>.</summary>
public sealed partial class StressTestAnalyzer
{
    private static void AnalyzeSignature(SymbolAnalysisContext context, IMethodSymbol method, AttributeData stressTest, KnownAttributes attributes)
    {
        var type = method.ContainingType;
        var classFacts = SymbolFacts.Of(type);
        var methodFacts = SymbolFacts.Of(method);
        var fragments = new List<SignatureFragment>();
        MethodRules.CheckTestMethod(classFacts, methodFacts, fragments);

        // An abstract class is never instantiated as the test class: its stress tests run on its concrete
        // subclasses, whose visibility and constructors the runtime checks (as it does here, on theirs).
        if (type.IsAbstract && !type.IsStatic)
        {
            fragments.RemoveAll(f => f.Kind == ProblemKind.TestClass);
        }
        else
        {
            // An instance method needs an instance anyway: the class's worker lifecycle is looked up only for static ones.
            var hasWorkerLifecycle = method.IsStatic && HasWorkerLifecycle(type, attributes);
            MethodRules.CheckInstance(classFacts, methodFacts, hasWorkerLifecycle, fragments);
        }

        var location = AttributeReading.Location(AttributeReading.Syntax(stressTest, context.CancellationToken), method);
        foreach (var fragment in fragments)
        {
            var message = MethodRules.TestMethodMessage(SymbolFacts.NameOf(type), method.Name, [fragment.Text]);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ByKind[fragment.Kind], location, message));
        }
    }

    private static void AnalyzeLifecycleMethod(SymbolAnalysisContext context, IMethodSymbol method, ImmutableArray<AttributeData> marks, KnownAttributes attributes)
    {
        foreach (var (attribute, label, isWorker) in attributes.Lifecycle)
        {
            if (marks.FirstOrDefault(a => KnownAttributes.Is(a, attribute)) is not { } data)
            {
                continue;
            }

            var facts = SymbolFacts.Of(method);
            var className = SymbolFacts.NameOf(method.ContainingType);
            var problems = isWorker
                ? [.. MethodRules.CheckWorkerLifecycle(label, className, facts) is { } problem ? [problem] : Array.Empty<PlanProblem>()]
                : MethodRules.CheckLifecycle(label, className, facts);
            var location = AttributeReading.Location(AttributeReading.Syntax(data, context.CancellationToken), method);
            foreach (var found in problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ByKind[found.Kind], location, found.Message));
            }
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownAttributes attributes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var (attribute, label, _) in attributes.Lifecycle)
        {
            var marked = Marked(type, attribute, attributes);
            if (marked.Count < 2)
            {
                continue;
            }

            var message = MethodRules.TooMany(SymbolFacts.NameOf(type), label, [.. marked.Select(m => m.Name)]).Message;
            foreach (var method in marked.Where(m => SymbolEqualityComparer.Default.Equals(m.ContainingType, type)))
            {
                var location = AttributeReading.Location(AttributeReading.Syntax(KnownAttributes.Find(method, attribute)!, context.CancellationToken), method);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Lifecycle, location, message));
            }
        }

        var stressTests = type.GetMembers().OfType<IMethodSymbol>().Where(m => KnownAttributes.Find(m, attributes.StressTest) is not null);
        foreach (var overloads in stressTests.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var method in overloads)
            {
                var problem = MethodRules.Overloaded(SymbolFacts.NameOf(type), method.Name, overloads.Count());
                var location = AttributeReading.Location(AttributeReading.Syntax(KnownAttributes.Find(method, attributes.StressTest)!, context.CancellationToken), method);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ByKind[problem.Kind], location, problem.Message));
            }
        }
    }

    /// <summary>True when the class has a worker setup or teardown the runtime accepts (exactly one of its kind, of a
    /// supported shape): then every worker needs an instance.</summary>
    private static bool HasWorkerLifecycle(INamedTypeSymbol type, KnownAttributes attributes) =>
        attributes.Lifecycle.Where(l => l.IsWorker).Any(l =>
            Marked(type, l.Attribute, attributes) is [var method]
            && MethodRules.CheckWorkerLifecycle(l.Label, SymbolFacts.NameOf(type), SymbolFacts.Of(method)) is null);

    /// <summary>The methods of <paramref name="type"/> and its base classes carrying <paramref name="attribute"/>, as
    /// reflection finds them (<c>GetMethods</c> with FlattenHierarchy): a base class's private methods are not
    /// inherited.</summary>
    private static List<IMethodSymbol> Marked(INamedTypeSymbol type, INamedTypeSymbol attribute, KnownAttributes attributes)
    {
        var marked = new List<IMethodSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            marked.AddRange(current.GetMembers().OfType<IMethodSymbol>()
                .Where(m => (ReferenceEquals(current, type) || m.DeclaredAccessibility != Accessibility.Private) && KnownAttributes.Find(m, attribute) is not null));
        }

        return marked;
    }
}

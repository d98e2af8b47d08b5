// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.CodeAnalysis;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>StressTest's attribute types in one compilation, found once per compilation by full name (the runtime's
/// scanner matches by name too).</summary>
internal sealed class KnownAttributes
{
    private KnownAttributes(Compilation compilation, INamedTypeSymbol stressTest)
    {
        StressTest = stressTest;
        Threshold = compilation.GetTypeByMetadataName(StressTestAnalyzer.ThresholdAttributeName);
        Setup = compilation.GetTypeByMetadataName("StressTest.StressSetupAttribute");
        Teardown = compilation.GetTypeByMetadataName("StressTest.StressTeardownAttribute");
        WorkerSetup = compilation.GetTypeByMetadataName("StressTest.StressWorkerSetupAttribute");
        WorkerTeardown = compilation.GetTypeByMetadataName("StressTest.StressWorkerTeardownAttribute");
    }

    public INamedTypeSymbol StressTest { get; }

    public INamedTypeSymbol? Threshold { get; }

    public INamedTypeSymbol? Setup { get; }

    public INamedTypeSymbol? Teardown { get; }

    public INamedTypeSymbol? WorkerSetup { get; }

    public INamedTypeSymbol? WorkerTeardown { get; }

    /// <summary>The lifecycle attributes with their labels, static ones first.</summary>
    public IEnumerable<(INamedTypeSymbol Attribute, string Label, bool IsWorker)> Lifecycle
    {
        get
        {
            if (Setup is not null)
            {
                yield return (Setup, MethodRules.SetupLabel, false);
            }

            if (Teardown is not null)
            {
                yield return (Teardown, MethodRules.TeardownLabel, false);
            }

            if (WorkerSetup is not null)
            {
                yield return (WorkerSetup, MethodRules.WorkerSetupLabel, true);
            }

            if (WorkerTeardown is not null)
            {
                yield return (WorkerTeardown, MethodRules.WorkerTeardownLabel, true);
            }
        }
    }

    /// <summary>The attributes, or null when the compilation does not reference StressTest.</summary>
    public static KnownAttributes? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName(StressTestAnalyzer.StressTestAttributeName) is { } stressTest ? new KnownAttributes(compilation, stressTest) : null;

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    /// <summary>The one attribute of <paramref name="type"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? type) => symbol.GetAttributes().FirstOrDefault(a => Is(a, type));
}

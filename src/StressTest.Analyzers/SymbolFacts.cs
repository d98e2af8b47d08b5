// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.CodeAnalysis;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>
/// Roslyn's view of a method or class as the shared <see cref="MethodRules"/> read it: the same facts the runtime
/// reads by reflection (Plan/Methods/ReflectedFacts), named as reflection names them (<c>Int32</c>, <c>Task`1</c>),
/// so the messages match word for word.
/// </summary>
internal static class SymbolFacts
{
    public static MethodFacts Of(IMethodSymbol method) => new(
        method.Name,
        method.DeclaredAccessibility == Accessibility.Public,
        method.IsStatic,
        method.IsGenericMethod,
        method.IsAsync,
        TypeOf(method.ReturnType, RefKind.None),
        method.Parameters.Select(p => TypeOf(p.Type, p.RefKind)).ToList());

    public static ClassFacts Of(INamedTypeSymbol type) => new(
        type.MetadataName,
        type.DeclaredAccessibility == Accessibility.Public,
        IsOpenGeneric(type),
        type.IsAbstract || type.IsStatic,
        HasPublicParameterlessConstructor(type));

    /// <summary>The name reflection's <c>Type.Name</c> gives a class: <c>Catalog</c>, <c>Catalog`1</c>.</summary>
    public static string NameOf(INamedTypeSymbol type) => type.MetadataName;

    private static bool IsOpenGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As <c>Type.GetConstructor(Type.EmptyTypes)</c> sees it: a struct's implicit default constructor is not
    /// one, a class's implicit one is.</summary>
    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type) =>
        type.InstanceConstructors.Any(c => c.Parameters.Length == 0
            && c.DeclaredAccessibility == Accessibility.Public
            && !(type.IsValueType && c.IsImplicitlyDeclared));

    private static TypeFacts TypeOf(ITypeSymbol type, RefKind refKind)
    {
        var kind = type.SpecialType == SpecialType.System_Void ? SignatureType.Void
            : (FullName(type), type is INamedTypeSymbol { IsGenericType: true }) switch
            {
                ("System.Threading.Tasks.Task", false) => SignatureType.Task,
                ("System.Threading.Tasks.ValueTask", false) => SignatureType.ValueTask,
                ("StressTest.StressContext", false) => SignatureType.StressContext,
                ("StressTest.StressSetupContext", false) => SignatureType.StressSetupContext,
                ("System.Threading.CancellationToken", false) => SignatureType.CancellationToken,
                _ => SignatureType.Other,
            };
        return new TypeFacts(refKind == RefKind.None ? kind : SignatureType.Other, ReflectionName(type) + (refKind == RefKind.None ? string.Empty : "&"));
    }

    private static string FullName(ITypeSymbol type) =>
        type.ContainingType is { } outer ? FullName(outer) + "+" + type.MetadataName
        : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName
        : type.MetadataName;

    private static string ReflectionName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => ReflectionName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        IPointerTypeSymbol pointer => ReflectionName(pointer.PointedAtType) + "*",
        _ when type.SpecialType == SpecialType.System_Void => "Void",
        _ => type.MetadataName,
    };
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Methods;

/// <summary>Reflection's view of a method or class as the shared <see cref="MethodRules"/> read it (the analyzer
/// builds the same facts from Roslyn's symbols).</summary>
internal static class ReflectedFacts
{
    private const string AsyncStateMachineAttributeName = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";

    public static MethodFacts Of(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new MethodFacts(
            method.Name,
            method.IsPublic,
            method.IsStatic,
            method.IsGenericMethodDefinition,
            // Read as attribute data, never instantiated: the same test as SourceLocator's, without running user code.
            method.GetCustomAttributesData().Any(a => a.AttributeType.FullName == AsyncStateMachineAttributeName),
            TypeOf(method.ReturnType),
            [.. method.GetParameters().Select(p => TypeOf(p.ParameterType))]);
    }

    public static ClassFacts Of(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        return new ClassFacts(
            testClass.Name,
            testClass.IsPublic || testClass.IsNestedPublic,
            testClass.ContainsGenericParameters,
            testClass.IsAbstract,
            testClass.GetConstructor(Type.EmptyTypes) is not null);
    }

    private static TypeFacts TypeOf(Type type)
    {
        var kind = type == typeof(void) ? SignatureType.Void
            : type == typeof(Task) ? SignatureType.Task
            : type == typeof(ValueTask) ? SignatureType.ValueTask
            : type == typeof(StressContext) ? SignatureType.StressContext
            : type == typeof(StressSetupContext) ? SignatureType.StressSetupContext
            : type == typeof(CancellationToken) ? SignatureType.CancellationToken
            : SignatureType.Other;
        return new TypeFacts(kind, type.Name);
    }
}

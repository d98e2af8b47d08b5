// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules;

/// <summary>The types a stress-test or lifecycle method's signature may use; everything else is
/// <see cref="Other"/>.</summary>
internal enum SignatureType
{
    Other,
    Void,
    Task,
    ValueTask,
    StressContext,
    StressSetupContext,
    CancellationToken,
}

/// <summary>A type in a signature: what it is to the rules, and its name for messages (reflection's
/// <c>Type.Name</c>: <c>Int32</c>, <c>Task`1</c>).</summary>
internal sealed record TypeFacts(SignatureType Kind, string Name);

/// <summary>
/// What the rules need to know of a method, read by reflection at run time (Plan/Methods) or from Roslyn's symbols
/// in the analyzer, so both apply the same <see cref="MethodRules"/>.
/// </summary>
/// <param name="Name">The method's name.</param>
/// <param name="IsPublic">Declared public.</param>
/// <param name="IsStatic">Static.</param>
/// <param name="IsGeneric">A generic method definition.</param>
/// <param name="IsAsync">Compiled from an <c>async</c> method (it has a state machine).</param>
/// <param name="Returns">The return type.</param>
/// <param name="Parameters">The parameters' types, in order.</param>
internal sealed record MethodFacts(string Name, bool IsPublic, bool IsStatic, bool IsGeneric, bool IsAsync, TypeFacts Returns, IReadOnlyList<TypeFacts> Parameters);

/// <summary>What the rules need to know of the class a stress test runs on.</summary>
/// <param name="Name">Its name as reflection's <c>Type.Name</c> gives it.</param>
/// <param name="IsPublic">Public (for a nested class: nested public).</param>
/// <param name="IsOpenGeneric">It, or a class it is nested in, has unbound type parameters.</param>
/// <param name="IsAbstract">Abstract (a static class is abstract to reflection too).</param>
/// <param name="HasPublicParameterlessConstructor">It has a public constructor without parameters.</param>
internal sealed record ClassFacts(string Name, bool IsPublic, bool IsOpenGeneric, bool IsAbstract, bool HasPublicParameterlessConstructor);

/// <summary>One thing wrong with a signature, as a clause of the message (<c>it must be public</c>).</summary>
internal sealed record SignatureFragment(ProblemKind Kind, string Text);

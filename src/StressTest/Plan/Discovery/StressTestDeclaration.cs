// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Discovery;

/// <summary>
/// A method carrying <c>[StressTest]</c>, with its attribute values exactly as written and not yet validated:
/// validation happens when the plan is built, so a bad value becomes that test's failed result rather than a
/// discovery error that would hide the test.
/// </summary>
/// <param name="TestClass">The class the test runs on (a subclass, when the method is inherited).</param>
/// <param name="Method">The method.</param>
/// <param name="FullyQualifiedName"><c>Namespace.Class.Method</c>, the test's identity.</param>
/// <param name="Arguments">The <c>[StressTest]</c> named arguments the user set (unset ones are absent).</param>
/// <param name="Thresholds">Each <c>[Threshold]</c>, in declaration order.</param>
internal sealed record StressTestDeclaration(
    Type TestClass,
    MethodInfo Method,
    string FullyQualifiedName,
    IReadOnlyDictionary<string, object?> Arguments,
    IReadOnlyList<ThresholdDeclaration> Thresholds)
{
    /// <summary>The name shown to users: <c>DisplayName</c> when set, else the method name.</summary>
    public string DisplayName =>
        Arguments.TryGetValue(nameof(StressTestAttribute.DisplayName), out var name) && name is string { Length: > 0 } text
            ? text
            : Method.Name;

    /// <summary>The category, when set.</summary>
    public string? Category =>
        Arguments.TryGetValue(nameof(StressTestAttribute.Category), out var category) && category is string { Length: > 0 } text
            ? text
            : null;

    /// <summary>A problem found while scanning (such as an overloaded name), reported when the plan is built.</summary>
    public string? Problem { get; init; }

    /// <summary>The assembly file the method lives in.</summary>
    public string AssemblyPath => TestClass.Assembly.Location;
}

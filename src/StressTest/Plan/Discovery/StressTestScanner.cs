// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Plan.Discovery;

/// <summary>
/// Finds <c>[StressTest]</c> methods in a loaded assembly. Attributes are matched by full name through
/// <see cref="CustomAttributeData"/>, never by type identity: the test assembly may have been compiled against
/// another copy of StressTest.dll than the one the adapter loaded, and reading attribute data never runs user code.
/// </summary>
internal static class StressTestScanner
{
    internal const string StressTestAttributeName = "StressTest.StressTestAttribute";
    internal const string ThresholdAttributeName = "StressTest.ThresholdAttribute";

    private const BindingFlags AllMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>Scans every type that loads; <paramref name="warnings"/> receives types that could not be loaded.</summary>
    public static IReadOnlyList<StressTestDeclaration> Scan(Assembly assembly, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var found = new List<StressTestDeclaration>();
        foreach (var type in LoadableTypes(assembly, warnings))
        {
            if (type.IsAbstract && !type.IsSealed)
            {
                continue; // an abstract base contributes its methods through its concrete subclasses
            }

            if (type.Name.Contains('<', StringComparison.Ordinal))
            {
                continue; // compiler-generated (lambdas, async state machines)
            }

            var ofType = type.GetMethods(AllMethods)
                .OrderBy(m => m.MetadataToken)
                .Select(m => TryRead(type, m))
                .OfType<StressTestDeclaration>()
                .ToList();
            found.AddRange(ofType.GroupBy(d => d.Method.Name, StringComparer.Ordinal).SelectMany(DisambiguateOverloads));
        }

        return found;
    }

    private static StressTestDeclaration? TryRead(Type type, MethodInfo method)
    {
        CustomAttributeData? stressTest = null;
        var thresholds = new List<ThresholdDeclaration>();
        foreach (var data in method.GetCustomAttributesData())
        {
            switch (data.AttributeType.FullName)
            {
                case StressTestAttributeName:
                    stressTest = data;
                    break;
                case ThresholdAttributeName:
                    thresholds.Add(new ThresholdDeclaration(
                        data.ConstructorArguments.Count == 1 ? data.ConstructorArguments[0].Value as string : null,
                        data.NamedArguments.Where(a => a.MemberName == ArgumentNames.Step).Select(a => a.TypedValue.Value as string).FirstOrDefault()));
                    break;
            }
        }

        if (stressTest is null)
        {
            return null;
        }

        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var named in stressTest.NamedArguments)
        {
            arguments[named.MemberName] = named.TypedValue.Value;
        }

        var typeName = (type.FullName ?? type.Name).Replace('+', '.');
        return new StressTestDeclaration(type, method, typeName + "." + method.Name, arguments, thresholds);
    }

    /// <summary>Overloads would share one test name (and so one test id): each gets its parameter list in the
    /// name and fails with a message saying why, instead of one silently shadowing the other.</summary>
    private static IEnumerable<StressTestDeclaration> DisambiguateOverloads(IGrouping<string, StressTestDeclaration> sameName)
    {
        var declarations = sameName.ToList();
        if (declarations.Count == 1)
        {
            return declarations;
        }

        return declarations.Select(d => d with
        {
            FullyQualifiedName = d.FullyQualifiedName + "(" + string.Join(", ", d.Method.GetParameters().Select(p => p.ParameterType.Name)) + ")",
            Problem = MethodRules.Overloaded(d.TestClass.Name, d.Method.Name, declarations.Count).Message,
        });
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly, ICollection<string>? warnings)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            foreach (var loaderException in ex.LoaderExceptions.Where(e => e is not null).Take(5))
            {
                warnings?.Add($"{assembly.GetName().Name}: a type could not be loaded and its stress tests are not discovered: {loaderException!.Message}");
            }

            return ex.Types.Where(t => t is not null)!;
        }
    }
}

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
    /// <remarks>Inherited tests are found as MSTest finds them: each concrete class runs the <c>[StressTest]</c> methods
    /// of its whole hierarchy, static ones included (reflection hands a derived type only the public static methods
    /// of its bases, and none that are private). An abstract class runs nothing itself; one with no concrete subclass in
    /// the assembly still shows its tests: its static ones run, and its instance ones fail saying why, never
    /// silently vanish.</remarks>
    public static IReadOnlyList<StressTestDeclaration> Scan(Assembly assembly, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var types = LoadableTypes(assembly, warnings)
            .Where(t => t.IsClass && !t.Name.Contains('<', StringComparison.Ordinal)) // not compiler-generated (lambdas, async state machines)
            .ToList();
        var found = new List<StressTestDeclaration>();
        foreach (var type in types)
        {
            var ofType = Declarations(type, types);
            found.AddRange(ofType.GroupBy(d => d.Method.Name, StringComparer.Ordinal).SelectMany(DisambiguateOverloads));
        }

        return found;
    }

    private static List<StressTestDeclaration> Declarations(Type type, List<Type> types)
    {
        if (!type.IsAbstract || type.IsSealed)
        {
            // A concrete class, or a static one (abstract and sealed): every test of its hierarchy runs on it.
            return HierarchyMethods(type).Select(m => TryRead(type, m)).OfType<StressTestDeclaration>().ToList();
        }

        // An abstract base contributes its tests through its concrete subclasses; without one, say so.
        if (types.Any(t => !t.IsAbstract && t.IsSubclassOf(type)))
        {
            return [];
        }

        return type.GetMethods(AllMethods | BindingFlags.DeclaredOnly)
            .OrderBy(m => m.MetadataToken)
            .Select(m => TryRead(type, m))
            .OfType<StressTestDeclaration>()
            .Select(d => d.Method.IsStatic ? d : d with
            {
                Problem = $"[StressTest] method {type.Name}.{d.Method.Name} is declared on the abstract class {type.Name}, which has no non-abstract subclass in {type.Assembly.GetName().Name}: derive a public class from it (each subclass runs the test on its own instances) or make {type.Name} non-abstract.",
            })
            .ToList();
    }

    /// <summary>The methods of <paramref name="type"/> and its bases as seen from <paramref name="type"/> (so an agent
    /// resolves them there): inherited instance methods, inherited public and protected static ones (FlattenHierarchy),
    /// and, from the bases, the private ones reflection hides from a derived type (they then fail as not public rather
    /// than vanish).</summary>
    private static IEnumerable<MethodInfo> HierarchyMethods(Type type)
    {
        var visible = type.GetMethods(AllMethods | BindingFlags.FlattenHierarchy).OrderBy(m => m.MetadataToken).ToList();
        var hidden = new List<MethodInfo>();
        for (var current = type.BaseType; current is not null && current != typeof(object); current = current.BaseType)
        {
            hidden.AddRange(current.GetMethods(AllMethods | BindingFlags.DeclaredOnly).Where(m => m.IsPrivate).OrderBy(m => m.MetadataToken));
        }

        return visible.Concat(hidden);
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

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>
/// Attribute data as the shared rules read it, and where in the source each value was written. The dictionary is the
/// one the runtime's scanner builds from reflection's attribute data: only the named arguments the user set, enums
/// as their numbers, so a property validated at run time is validated here without a line of analyzer code.
/// </summary>
internal static class AttributeReading
{
    /// <summary>The named arguments set on <paramref name="attribute"/>.</summary>
    public static Dictionary<string, object?> Arguments(AttributeData attribute)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var named in attribute.NamedArguments)
        {
            arguments[named.Key] = named.Value.Kind == TypedConstantKind.Array ? null : named.Value.Value;
        }

        return arguments;
    }

    /// <summary>A <c>[Threshold]</c> as written: its expression and Step.</summary>
    public static ThresholdDeclaration Threshold(AttributeData attribute)
    {
        var expression = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var step = attribute.NamedArguments.Where(a => a.Key == ArgumentNames.Step).Select(a => a.Value.Value as string).FirstOrDefault();
        return new ThresholdDeclaration(expression, step);
    }

    /// <summary>The attribute as written in source; null when it came from metadata.</summary>
    public static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    /// <summary>The expression a named argument was set to (<c>Duration = "10d"</c> → <c>"10d"</c>); null when it is
    /// not written in this attribute.</summary>
    public static ExpressionSyntax? NamedArgument(AttributeSyntax? attribute, string name) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

    /// <summary>The first constructor argument's expression (<c>[Threshold("p95 &lt; 150ms")]</c>).</summary>
    public static ExpressionSyntax? FirstArgument(AttributeSyntax? attribute) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression
        ?? attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameColon is not null)?.Expression;

    /// <summary>Where to report on <paramref name="attribute"/> as a whole: its syntax, else the symbol.</summary>
    public static Location Location(AttributeSyntax? attribute, ISymbol owner) =>
        attribute?.GetLocation() ?? owner.Locations.FirstOrDefault() ?? Microsoft.CodeAnalysis.Location.None;
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using StressTest.TestAdapter.Discovery;

namespace StressTest.TestAdapter.Execution;

/// <summary>
/// <c>--filter</c> support. Filtering is the adapter's job (skip it and every test runs). Values are strings or
/// string arrays: a Guid never matches, so Id is handed over as text (Test Explorer under the Testing Platform
/// filters on Id).
/// </summary>
internal static class TestCaseFilter
{
    private static readonly Dictionary<string, TestProperty> Supported = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FullyQualifiedName"] = TestCaseProperties.FullyQualifiedName,
        ["Name"] = TestCaseProperties.DisplayName,
        ["Category"] = TestProperties.Category,
        ["TestCategory"] = TestProperties.Category,
        ["Id"] = TestCaseProperties.Id,
    };

    /// <summary>The filter expression, or null when there is none (or it is invalid, which VSTest reports).</summary>
    public static ITestCaseFilterExpression? Get(IRunContext? runContext, IMessageLogger? logger)
    {
        try
        {
            return runContext?.GetTestCaseFilter(Supported.Keys, name => Supported.GetValueOrDefault(name));
        }
        catch (TestPlatformFormatException ex)
        {
            logger?.SendMessage(TestMessageLevel.Error, "StressTest: invalid --filter: " + ex.Message);
            return null;
        }
    }

    public static bool Matches(ITestCaseFilterExpression? filter, TestCase testCase) =>
        filter is null || filter.MatchTestCase(testCase, name => Value(testCase, name));

    private static object? Value(TestCase testCase, string name) => name.ToUpperInvariant() switch
    {
        "FULLYQUALIFIEDNAME" => testCase.FullyQualifiedName,
        "NAME" => testCase.DisplayName,
        "CATEGORY" or "TESTCATEGORY" => testCase.GetPropertyValue(TestProperties.Category, Array.Empty<string>()),
        "ID" => testCase.Id.ToString(),
        _ => null,
    };
}

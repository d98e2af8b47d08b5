// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using StressTest.Plan.Discovery;

namespace StressTest.TestAdapter.Discovery;

/// <summary>Turns a declaration into the VSTest <see cref="TestCase"/> Test Explorer shows.</summary>
internal static class TestCaseFactory
{
    public static TestCase Create(StressTestDeclaration declaration, string source, SourceLocator locator)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(locator);
        var testCase = new TestCase(declaration.FullyQualifiedName, new Uri(AdapterInfo.ExecutorUri), source)
        {
            DisplayName = declaration.DisplayName,
        };
        var (file, line) = locator.Locate(declaration.Method);
        if (file is not null)
        {
            testCase.CodeFilePath = file;
            testCase.LineNumber = line;
        }

        if (declaration.Category is { } category)
        {
            testCase.Traits.Add("Category", category);
            testCase.SetPropertyValue(TestProperties.Category, new[] { category });
        }

        return testCase;
    }
}

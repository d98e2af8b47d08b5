// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Analyzers.Tests.TestSupport;

/// <summary>Test sources: a public class with one stress-test method under the given attributes.</summary>
internal static class Sources
{
    public static string Method(string attributes, string signature = "public static void Run()") => $$"""
        public sealed class Tests
        {
            {{attributes}}
            {{signature}}
            {
            }
        }
        """;
}

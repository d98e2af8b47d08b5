// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using StressTest.Plan.Discovery;

namespace StressTest.TestAdapter.Discovery;

/// <summary>Loads one test assembly and lists its stress tests; a source that cannot be loaded is reported and
/// skipped, never fatal to the other sources.</summary>
internal static class TestSource
{
    public static IReadOnlyList<StressTestDeclaration> Scan(string source, IMessageLogger? logger)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(source);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or FileLoadException)
        {
            // Not every .dll next to a test project is a loadable managed assembly; that is not an error.
            return [];
        }

        if (!References(assembly, "StressTest"))
        {
            return []; // fast path: the assembly cannot contain [StressTest] methods
        }

        var warnings = new List<string>();
        IReadOnlyList<StressTestDeclaration> found;
        try
        {
            found = StressTestScanner.Scan(assembly, warnings);
        }
        catch (Exception ex)
        {
            // Whatever a strange assembly does to reflection, the other sources are still discovered and run.
            logger?.SendMessage(TestMessageLevel.Error, $"StressTest: could not read the stress tests of {source}: {ex.GetType().FullName}: {ex.Message}");
            return [];
        }

        foreach (var warning in warnings)
        {
            logger?.SendMessage(TestMessageLevel.Warning, "StressTest: " + warning);
        }

        return found;
    }

    private static bool References(Assembly assembly, string name) =>
        assembly.GetName().Name == name || assembly.GetReferencedAssemblies().Any(a => a.Name == name);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Settings;
using StressTest.Reports;

namespace StressTest.Runner;

/// <summary>
/// Where a test's baseline lives: <c>&lt;BaselineDirectory&gt;/&lt;profile or "default"&gt;/&lt;test&gt;.json</c>,
/// the folder relative to the test project's directory (committed with the tests, like snapshot files). The
/// project's directory is recorded in the test assembly at build time by build/StressTest.targets (assembly
/// metadata <c>StressTest.ProjectDirectory</c>); an assembly built without it, or moved to another machine, falls
/// back to the nearest folder above the assembly that holds a project file.
/// </summary>
internal static class BaselineLocation
{
    public const string ProjectDirectoryKey = "StressTest.ProjectDirectory";

    public static string FileFor(GateSettings gates, Assembly assembly, string test)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(test);
        return Path.Combine(FolderFor(gates, ProjectDirectory(assembly)), ReportWriter.SafeFileName(test) + ".json");
    }

    public static string FolderFor(GateSettings gates, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var root = Path.Combine(projectDirectory, gates.BaselineDirectory ?? GateSettings.DefaultBaselineDirectory);
        return Path.GetFullPath(Path.Combine(root, gates.ProfileFolder));
    }

    public static string ProjectDirectory(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var recorded = assembly.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == typeof(AssemblyMetadataAttribute).FullName && a.ConstructorArguments.Count == 2)
            .Where(a => a.ConstructorArguments[0].Value as string == ProjectDirectoryKey)
            .Select(a => a.ConstructorArguments[1].Value as string)
            .FirstOrDefault();
        if (recorded is { Length: > 0 } && Directory.Exists(recorded))
        {
            return recorded;
        }

        var assemblyDirectory = Path.GetDirectoryName(assembly.Location) is { Length: > 0 } folder ? folder : Directory.GetCurrentDirectory();
        for (var directory = new DirectoryInfo(assemblyDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.*proj").Any(f => f.Extension is ".csproj" or ".fsproj" or ".vbproj"))
            {
                return directory.FullName;
            }
        }

        return assemblyDirectory;
    }
}

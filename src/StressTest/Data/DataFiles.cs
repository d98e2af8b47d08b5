// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data;

/// <summary>
/// Where a relative data file is: in the test assembly's folder (where <c>CopyToOutputDirectory</c> puts it), not
/// in whatever directory <c>dotnet test</c> or the IDE was started from.
/// </summary>
internal static class DataFiles
{
    // Set by the controller for the run's own async flow (setup, the workers it starts, teardown): two tests of
    // different assemblies may run at once, so a static field would be a race.
    private static readonly AsyncLocal<string?> TestDirectory = new();

    /// <summary>The folder relative data files resolve against in this run; the app's base folder outside one.</summary>
    public static string BaseDirectory => TestDirectory.Value ?? AppContext.BaseDirectory;

    /// <summary>Makes relative paths resolve against <paramref name="directory"/> for the rest of the caller's flow.</summary>
    public static void UseBaseDirectory(string? directory) => TestDirectory.Value = directory;

    /// <summary>The absolute path; throws <see cref="FileNotFoundException"/> naming it and where it was looked for.</summary>
    public static string Resolve(string path, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path));
        if (!File.Exists(full))
        {
            var hint = Path.IsPathRooted(path)
                ? string.Empty
                : $" (\"{path}\" resolves against the test assembly's folder {BaseDirectory}: mark the file <CopyToOutputDirectory>PreserveNewest</CopyToOutputDirectory> in the project)";
            throw new FileNotFoundException($"The {kind} data file {full} does not exist{hint}.", full);
        }

        return full;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// One temporary folder per test run for results, markers and reports, removed when the run ends. Set
/// STRESSTEST_E2E_KEEP=1 to keep it for a look at the TRX files and reports.
/// </summary>
[TestClass]
public sealed class TempFolders
{
    private static readonly Lazy<string> Root = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "stresstest-e2e", Guid.NewGuid().ToString("N")[..12])).FullName);

    private static int _counter;

    /// <summary>A new, empty folder whose name starts with <paramref name="name"/>.</summary>
    internal static string Create(string name)
    {
        var folder = Path.Combine(Root.Value, $"{Interlocked.Increment(ref _counter):00}-{name}");
        return Directory.CreateDirectory(folder).FullName;
    }

    [AssemblyCleanup]
    public static void DeleteAll()
    {
        if (!Root.IsValueCreated || Environment.GetEnvironmentVariable("STRESSTEST_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root.Value, recursive: true);
        }
        catch (IOException)
        {
            // A test host that has not quite exited may still hold a file; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

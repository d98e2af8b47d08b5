// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Fixtures;

/// <summary>
/// Lets the end-to-end tests see that setup and teardown ran: each call appends a line to a file named after the
/// event in the folder given by <c>STRESSTEST_E2E_MARKERS</c>. Does nothing when the variable is not set.
/// </summary>
internal static class Markers
{
    public const string VariableName = "STRESSTEST_E2E_MARKERS";

    public static void Write(string name)
    {
        var folder = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, name), name + Environment.NewLine);
    }
}

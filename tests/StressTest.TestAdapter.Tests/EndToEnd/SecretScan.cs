// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>Looks for the secrets the hostile fixture plants (HostileFixture/SecretStressTests.cs) in every file a run
/// wrote and in its console output: none may survive redaction, in any format.</summary>
internal static class SecretScan
{
    /// <summary>The marker every planted secret carries, and the planted bare JWT (base64: it carries no marker).</summary>
    public static readonly string[] Planted = ["HOSTILE-SECRET", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJIT1NUSUxFIn0.SE9TVElMRS1TRUNSRVQ"];

    /// <summary>Fails naming the file and the secret when any file under <paramref name="folder"/> or the output holds
    /// one; <paramref name="minimumFiles"/> keeps a scan of an empty folder from passing.</summary>
    public static void AssertClean(string folder, string output, int minimumFiles)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        Assert.IsGreaterThanOrEqualTo(minimumFiles, files.Count, $"only {files.Count} files under {folder}: the scan would prove nothing");
        var extensions = files.Select(Path.GetExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var extension in new[] { ".trx", ".json", ".html", ".md", ".csv", ".hlog", ".hgrm" })
        {
            Assert.Contains(extension, extensions, $"no {extension} file was written, so none was scanned");
        }

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var secret in Planted)
            {
                Assert.DoesNotContain(secret, text, $"{file} holds the planted secret {secret}.");
            }
        }

        foreach (var secret in Planted)
        {
            Assert.DoesNotContain(secret, output, "the console output holds a planted secret.");
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data;

namespace StressTest.Tests.Data;

/// <summary>A data file in a fresh temporary folder, deleted with it.</summary>
internal sealed class DataFile : IDisposable
{
    private DataFile(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    public string Folder { get; }

    public string Path { get; }

    public static DataFile Write(string name, string content)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stresstest-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return new DataFile(folder, path);
    }

    /// <summary>Writes <paramref name="content"/> as <paramref name="name"/>, opens a feeder over it and asserts that the
    /// first take fails as bad data naming the file and <paramref name="expected"/> (a feeder reads its source then).</summary>
    public static void AssertFirstTakeFails<T>(string name, string content, Func<string, Feeder<T>> open, string expected)
    {
        using var file = Write(name, content);
        var feeder = open(file.Path);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => feeder.Next(Contexts.Worker(0)));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

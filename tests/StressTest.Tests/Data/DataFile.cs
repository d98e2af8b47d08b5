// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

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

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

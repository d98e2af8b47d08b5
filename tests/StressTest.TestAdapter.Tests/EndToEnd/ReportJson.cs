// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>Reads a JSON report attached to a result.</summary>
internal static class ReportJson
{
    public static JsonElement Load(TrxResult result)
    {
        var json = result.Attachments.Where(a => a.Path.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, json, $"Expected one .json attachment on {result}: {string.Join(", ", result.Attachments.Select(a => a.Path))}");
        return Load(json[0].Path);
    }

    public static JsonElement Load(string path)
    {
        Assert.IsTrue(File.Exists(path), $"The report {path} does not exist.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The property, failing the test with the report's text when it is missing.</summary>
    public static JsonElement Require(this JsonElement element, string name)
    {
        Assert.IsTrue(element.TryGetProperty(name, out var value), $"The report has no \"{name}\": {element}");
        return value;
    }
}

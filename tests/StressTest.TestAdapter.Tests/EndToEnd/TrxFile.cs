// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Xml.Linq;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>One file attached to a result, with its path resolved to where the trx logger copied it.</summary>
internal sealed record TrxAttachment(string CollectorUri, string Path, string Description);

/// <summary>One test result as the TRX shows it.</summary>
internal sealed record TrxResult(
    string FullyQualifiedName,
    string DisplayName,
    string Outcome,
    string? ErrorMessage,
    string StdOut,
    IReadOnlyList<string> Categories,
    IReadOnlyList<TrxAttachment> Attachments)
{
    public override string ToString() => $"{Outcome} {FullyQualifiedName} ({DisplayName})";
}

/// <summary>
/// Reads what the trx logger wrote: results joined with their test definitions (full name, categories), error
/// messages, standard output and the attachments under CollectorDataEntries.
/// </summary>
internal sealed class TrxFile
{
    private TrxFile(string path, IReadOnlyList<TrxResult> results)
    {
        Path = path;
        Results = results;
    }

    public string Path { get; }

    public IReadOnlyList<TrxResult> Results { get; }

    public static TrxFile Load(string path)
    {
        var root = XDocument.Load(path).Root ?? throw new InvalidDataException($"{path} is empty.");
        var ns = root.Name.Namespace;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;

        // The logger copies attachments to <results>/<runDeploymentRoot>/In/<relativeResultsDirectory>/, and the
        // TRX gives each file's href relative to that folder.
        var deploymentRoot = root.Element(ns + "TestSettings")?.Element(ns + "Deployment")?.Attribute("runDeploymentRoot")?.Value ?? string.Empty;
        var inFolder = System.IO.Path.Combine(folder, deploymentRoot, "In");

        var definitions = root.Element(ns + "TestDefinitions")?.Elements(ns + "UnitTest")
            .ToDictionary(
                d => (string)d.Attribute("id")!,
                d =>
                {
                    var method = d.Element(ns + "TestMethod");
                    var fullName = $"{(string?)method?.Attribute("className")}.{(string?)method?.Attribute("name")}";
                    var categories = d.Element(ns + "TestCategory")?.Elements(ns + "TestCategoryItem")
                        .Select(c => (string)c.Attribute("TestCategory")!)
                        .ToList() ?? [];
                    return (FullName: fullName, Categories: categories);
                },
                StringComparer.Ordinal) ?? [];

        var results = new List<TrxResult>();
        foreach (var result in root.Element(ns + "Results")?.Elements(ns + "UnitTestResult") ?? [])
        {
            var testId = (string?)result.Attribute("testId") ?? string.Empty;
            var definition = definitions.GetValueOrDefault(testId, (FullName: "?", Categories: []));
            var output = result.Element(ns + "Output");
            var resultFolder = System.IO.Path.Combine(inFolder, (string?)result.Attribute("relativeResultsDirectory") ?? (string?)result.Attribute("executionId") ?? string.Empty);
            var attachments = result.Element(ns + "CollectorDataEntries")?.Elements(ns + "Collector")
                .SelectMany(collector => collector.Descendants(ns + "A").Select(a => new TrxAttachment(
                    (string?)collector.Attribute("uri") ?? string.Empty,
                    System.IO.Path.GetFullPath(System.IO.Path.Combine(resultFolder, (string?)a.Attribute("href") ?? string.Empty)),
                    a.Value)))
                .ToList() ?? [];
            results.Add(new TrxResult(
                definition.FullName,
                (string?)result.Attribute("testName") ?? string.Empty,
                (string?)result.Attribute("outcome") ?? string.Empty,
                output?.Element(ns + "ErrorInfo")?.Element(ns + "Message")?.Value,
                output?.Element(ns + "StdOut")?.Value ?? string.Empty,
                definition.Categories,
                attachments));
        }

        return new TrxFile(path, results);
    }

    /// <summary>The one result of the method named <paramref name="methodName"/> (last part of the full name).</summary>
    public TrxResult Get(string methodName)
    {
        var matches = Results.Where(r => r.FullyQualifiedName.EndsWith("." + methodName, StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, matches, $"Expected exactly one result for {methodName} in {Path}. Results:{Environment.NewLine}{this}");
        return matches[0];
    }

    public override string ToString() => string.Join(Environment.NewLine, Results.Select(r => "  " + r));
}

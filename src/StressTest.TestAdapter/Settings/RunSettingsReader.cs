// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Xml;
using System.Xml.Linq;
using StressTest.Plan.Settings;

namespace StressTest.TestAdapter.Settings;

/// <summary>
/// Reads the <c>&lt;StressTest&gt;</c> section (also filled by inline <c>dotnet test -- StressTest.Key=value</c>)
/// and the results directory straight from the runsettings XML. Parsing the XML rather than going through an
/// ISettingsProvider works the same under VSTest and under the Testing Platform bridge, whose
/// RunSettings.GetSettings() is not implemented.
/// </summary>
internal static class RunSettingsReader
{
    public static SettingsParseResult Read(string? settingsXml, out string? resultsDirectory)
    {
        resultsDirectory = null;
        if (string.IsNullOrWhiteSpace(settingsXml))
        {
            return StressSettingsParser.Parse([]);
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(settingsXml);
        }
        catch (XmlException ex)
        {
            return new SettingsParseResult(StressSettings.Default, [$"The runsettings XML could not be read: {ex.Message}"], []);
        }

        resultsDirectory = document.Root?.Element("RunConfiguration")?.Element("ResultsDirectory")?.Value;
        var section = document.Root?.Element(StressSettingsParser.SectionName);
        var values = section?.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value)) ?? [];
        return StressSettingsParser.Parse(values);
    }
}

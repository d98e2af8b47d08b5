// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Rules;
using StressTest.Transport;

namespace StressTest.Reports;

/// <summary>
/// Reads and writes baseline files. A baseline is a JSON report that was kept (schema in docs/reports.md), so any
/// report (an attachment of an old CI run, say) can serve as one and <c>stresstest compare</c> reads both alike.
/// Every way a file can be wrong is a message naming the file, what is wrong and what to do.
/// </summary>
internal static class BaselineFile
{
    private const string Redo = "delete it, or record it again with StressTest.UpdateBaselines=true";

    /// <summary>Reads a report; with <paramref name="expectedTest"/>, also checks that it is that test's.</summary>
    public static ParseResult<StressReport> Read(string path, string? expectedTest = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ParseResult<StressReport>.Failure($"{path} could not be read: {ex.Message}");
        }

        return Parse(json, path, expectedTest);
    }

    public static ParseResult<StressReport> Parse(string json, string path, string? expectedTest = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        StressReport? report;
        try
        {
            using (var document = JsonDocument.Parse(json))
            {
                // The version first: a newer schema may not deserialize at all, and "update StressTest" is the answer.
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("schemaVersion", out var version)
                    || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var schema) || schema < 1)
                {
                    return Fail(path, $"is not a StressTest report (no schemaVersion); {Redo}.");
                }

                if (schema > StressReport.CurrentSchemaVersion)
                {
                    return Fail(path, $"has schema version {schema}, newer than this StressTest reads ({StressReport.CurrentSchemaVersion}); update StressTest, or record the baseline again with this version.");
                }

                // From the document already parsed, not the text again.
                report = document.RootElement.Deserialize<StressReport>(JsonReportExporter.Options);
            }
        }
        catch (JsonException ex)
        {
            return Fail(path, $"is corrupt ({ex.Message}); {Redo}.");
        }

        if (report is null)
        {
            return Fail(path, $"is empty; {Redo}.");
        }

        if (expectedTest is not null && !string.Equals(report.Test, expectedTest, StringComparison.Ordinal))
        {
            return Fail(path, $"is the baseline of {report.Test}, not of {expectedTest} (a renamed test or a copied file?); move it to the right test's file or {Redo}.");
        }

        if (report.LatencyHistogram is { } histogram && !IsHistogram(histogram))
        {
            return Fail(path, $"is corrupt (latencyHistogram is not a base64 HdrHistogram encoding); {Redo}.");
        }

        return ParseResult<StressReport>.Success(report);
    }

    /// <summary>Writes the report as a baseline, creating the folder; written beside and moved into place, so a
    /// reader (or a killed run) never leaves half a baseline.</summary>
    public static async Task WriteAsync(StressReport report, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, report, JsonReportExporter.Options, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsHistogram(string base64)
    {
        try
        {
            HistogramCodec.Decode(Convert.FromBase64String(base64));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static ParseResult<StressReport> Fail(string path, string problem) =>
        ParseResult<StressReport>.Failure($"Baseline {path} {problem}");
}

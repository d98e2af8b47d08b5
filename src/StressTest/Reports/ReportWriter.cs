// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;
using StressTest.Reports.Html;
using StressTest.Reports.Markdown;

namespace StressTest.Reports;

/// <summary>
/// Writes every format of a report into one folder per test. File names are derived from the test name but made
/// safe on every OS (generics, quotes, unicode) and kept unique by a short hash of the full name.
/// </summary>
internal sealed class ReportWriter
{
    private readonly IReadOnlyList<IReportExporter> _exporters;

    public ReportWriter(IReadOnlyList<IReportExporter> exporters) => _exporters = exporters;

    public static ReportWriter Default { get; } = new(
    [
        new JsonReportExporter(), new HtmlReportExporter(), new HgrmReportExporter(), new HlogReportExporter(),
        new CsvReportExporter(), new MarkdownReportExporter(),
    ]);

    /// <summary>The JSON report alone: rewritten while a test runs.</summary>
    public static ReportWriter JsonOnly { get; } = new([new JsonReportExporter()]);

    public async Task<IReadOnlyList<ReportFile>> WriteAsync(StressReport report, string resultsDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var baseName = SafeFileName(report.Test);
        var folder = Path.Combine(resultsDirectory, baseName);
        Directory.CreateDirectory(folder);
        var files = new List<ReportFile>();
        foreach (var exporter in _exporters)
        {
            var path = Path.Combine(folder, baseName + exporter.Extension);
            // Write next to the target and move into place, so a reader never sees half a file.
            var temporary = path + ".tmp";
            var stream = File.Create(temporary);
            await using (stream.ConfigureAwait(false))
            {
                await exporter.ExportAsync(report, stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
            files.Add(new ReportFile(Path.GetFullPath(path), exporter.Description));
        }

        return files;
    }

    /// <summary>Why reports cannot be written to <paramref name="resultsDirectory"/>, or null when they can: the folder is
    /// created and a file written and deleted in it. Checked before the load, so a folder that cannot be written fails
    /// the test in milliseconds, not after the whole load has run for nothing.</summary>
    public static string? Unwritable(string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        try
        {
            Directory.CreateDirectory(resultsDirectory);
            var probe = Path.Combine(resultsDirectory, $".write-check-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"Reports cannot be written to {resultsDirectory} ({ex.GetType().Name}: {ex.Message}), so no load ran; point the StressTest.ResultsDirectory setting (or dotnet test --results-directory) at a writable folder.";
        }
    }

    /// <summary>Letters, digits, '.', '-' and '_' only. A name that had to be changed gets a short hash of the
    /// original, so two tests that differ only in unsafe characters never share a file.</summary>
    public static string SafeFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().Trim('.');
        if (safe.Length > 80)
        {
            safe = safe[^80..];
        }

        if (safe.Length > 0 && string.Equals(safe, name, StringComparison.Ordinal) && !IsReservedOnWindows(safe))
        {
            return safe;
        }

        if (IsReservedOnWindows(safe))
        {
            safe = "_" + safe;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 4);
        return (safe.Length == 0 ? "test" : safe) + "-" + hash;
    }

    /// <summary>CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are device names on Windows, with any extension.</summary>
    private static bool IsReservedOnWindows(string name)
    {
        var stem = name.Split('.')[0].ToUpperInvariant();
        return stem is "CON" or "PRN" or "AUX" or "NUL"
            || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && stem[3] is >= '1' and <= '9');
    }
}

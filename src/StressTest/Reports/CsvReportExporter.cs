// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using nietras.SeparatedValues;

namespace StressTest.Reports;

/// <summary>
/// The per-second series as CSV, one row per second and one column per series (wide format: a spreadsheet charts
/// it as is). Column names are the JSON report's <c>series</c> field names; latency in ms; an empty cell is a
/// second in which nothing completed. Invariant culture: a decimal point and no thousands separator on every
/// machine, so a German or French locale reads the same file.
/// </summary>
internal sealed class CsvReportExporter : IReportExporter
{
    public static IReadOnlyList<string> Columns { get; } =
        ["second", "start", "end", "count", "errors", "rps", "target", "dropped", "inFlight", "p50", "p90", "p95", "p99", "max"];

    public string Extension => ".csv";

    /// <summary>The generator's health per second (<c>series[].generator</c>), when it was sampled.</summary>
    public static IReadOnlyList<string> GeneratorColumns { get; } =
    [
        "generator.cpuCores", "generator.workingSetMb", "generator.gcCollections", "generator.gcPauseMs", "generator.allocatedMbPerSecond",
        "generator.threadPoolThreads", "generator.threadPoolQueue", "generator.lockContentions", "generator.latenessP99Ms",
    ];

    public string Description => "Per-second time series (CSV): count, errors, rps, target, dropped, in flight, latency p50/p90/p95/p99/max in ms, the generator's health, probe values";

    /// <summary>The columns of a report: the load's, then the generator's and one per probe value (<c>probes.NAME</c>)
    /// when the report has them.</summary>
    public static IReadOnlyList<string> ColumnsOf(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var generator = report.Series.Any(s => s.Generator is not null) ? GeneratorColumns : [];
        return [.. Columns, .. generator, .. report.Probes.Select(p => "probes." + p.Name)];
    }

    public async ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        // Sep's rows are ref structs, which cannot live across an await: the rows (tens of KB for a 10-minute run)
        // are written synchronously into memory, then copied out asynchronously.
        using var buffer = new MemoryStream();
        Write(report, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    private static void Write(StressReport report, Stream destination)
    {
        using var writer = Sep.New(',').Writer(o => o with { CultureInfo = CultureInfo.InvariantCulture }).To(destination, leaveOpen: true);
        var columns = ColumnsOf(report);
        writer.Header.Add(columns);
        if (report.Series.Count == 0)
        {
            // The header is otherwise written with the first row; a run without seconds still gets one.
            writer.Header.Write();
        }

        foreach (var s in report.Series)
        {
            using var row = writer.NewRow();
            row["second"].Format(s.Second);
            row["start"].Format(s.Start);
            row["end"].Format(s.End);
            row["count"].Format(s.Count);
            row["errors"].Format(s.Errors);
            row["rps"].Format(Math.Round(s.Rps, 3));
            row["target"].Format(s.Target);
            row["dropped"].Format(s.Dropped);
            row["inFlight"].Format(s.InFlight);
            Optional(row["p50"], s.P50);
            Optional(row["p90"], s.P90);
            Optional(row["p95"], s.P95);
            Optional(row["p99"], s.P99);
            Optional(row["max"], s.Max);
            if (columns.Count > Columns.Count)
            {
                Extras(row, s, columns);
            }
        }
    }

    /// <summary>The generator's and the probes' cells of one second; empty where nothing was sampled.</summary>
    private static void Extras(SepWriter.Row row, ReportSecond s, IReadOnlyList<string> columns)
    {
        var g = s.Generator;
        foreach (var column in columns.Skip(Columns.Count))
        {
            double? value = column switch
            {
                "generator.cpuCores" => g?.CpuCores,
                "generator.workingSetMb" => g?.WorkingSetMb,
                "generator.gcCollections" => g?.GcCollections,
                "generator.gcPauseMs" => g?.GcPauseMs,
                "generator.allocatedMbPerSecond" => g?.AllocatedMbPerSecond,
                "generator.threadPoolThreads" => g?.ThreadPoolThreads,
                "generator.threadPoolQueue" => g?.ThreadPoolQueue,
                "generator.lockContentions" => g?.LockContentions,
                "generator.latenessP99Ms" => g?.LatenessP99Ms,
                _ => s.Probes is { } probes && probes.TryGetValue(column["probes.".Length..], out var v) ? v : null,
            };
            Optional(row[column], value);
        }
    }

    private static void Optional(SepWriter.Col column, double? value)
    {
        if (value is { } number)
        {
            column.Format(number);
        }
        else
        {
            column.Set(string.Empty);
        }
    }
}

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

    public string Description => "Per-second time series (CSV): count, errors, rps, target, dropped, in flight, latency p50/p90/p95/p99/max in ms";

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
        writer.Header.Add(Columns);
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
            Latency(row["p50"], s.P50);
            Latency(row["p90"], s.P90);
            Latency(row["p95"], s.P95);
            Latency(row["p99"], s.P99);
            Latency(row["max"], s.Max);
        }
    }

    private static void Latency(SepWriter.Col column, double? ms)
    {
        if (ms is { } value)
        {
            column.Format(value);
        }
        else
        {
            column.Set(string.Empty);
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Encodings.Web;
using System.Text.Json;

namespace StressTest.Reports;

/// <summary>The machine-readable report (schema in docs/reports.md).</summary>
internal sealed class JsonReportExporter : IReportExporter
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Readable JSON ("p95 < 150ms", not "p95 \u003C 150ms"). Still valid JSON for any string a server or
        // exception puts in it; escaping for HTML is the HTML exporter's job, where the context is known.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Extension => ".json";

    public string Description => "StressTest JSON report: verdict, thresholds, latency percentiles, errors, per-second series";

    public async ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(destination, report, Options, cancellationToken).ConfigureAwait(false);
}

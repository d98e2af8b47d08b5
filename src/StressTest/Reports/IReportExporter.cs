// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports;

/// <summary>Writes one file format of a report. Exporters are small and stateless; each is checked by a test on a
/// fixed report.</summary>
internal interface IReportExporter
{
    /// <summary>The file extension, with the dot: <c>.json</c>.</summary>
    string Extension { get; }

    /// <summary>What the file is, shown next to the attachment in the TRX and Test Explorer.</summary>
    string Description { get; }

    ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken);
}

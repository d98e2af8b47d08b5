// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;

namespace StressTest.Reports.Html;

/// <summary>The report people look at: one self-contained HTML file with the verdict, charts and tables, readable
/// offline on a phone or a laptop (see <see cref="HtmlDocument"/>).</summary>
internal sealed class HtmlReportExporter : IReportExporter
{
    public string Extension => ".html";

    public string Description => "StressTest HTML report: verdict, latency and throughput charts, endpoints, steps, checks, errors (self-contained, works offline)";

    public async ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = Encoding.UTF8.GetBytes(HtmlDocument.Render(report));
        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }
}

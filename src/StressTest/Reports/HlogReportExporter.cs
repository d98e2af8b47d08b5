// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using HdrHistogram;
using StressTest.Transport;

namespace StressTest.Reports;

/// <summary>
/// HdrHistogram's interval log (.hlog): one latency histogram per second of the measured window, in µs, written by
/// HdrHistogram's own <see cref="HistogramLogWriter"/> so HdrHistogram's tools (HistogramLogProcessor, the
/// plotters, HdrHistogramJS) read it. Timestamps are absolute (seconds since the Unix epoch, from the measured
/// window's start), so the file has no BaseTime line and readers take the times as they are. The
/// <c>Interval_Max</c> column is the writer's (max / 10^6, which assumes nanoseconds): with µs values it is in
/// seconds; the histograms themselves are exact.
/// </summary>
internal sealed class HlogReportExporter : IReportExporter
{
    public string Extension => ".hlog";

    public string Description => "HdrHistogram interval log: one latency histogram (µs) per second, readable by HdrHistogram's log tools";

    public async ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var text = Write(report);
        await destination.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).ConfigureAwait(false);
    }

    private static string Write(StressReport report)
    {
        var start = report.MeasuredFrom ?? report.StartedAt;
        using var log = new MemoryStream();
        // HistogramLogWriter formats numbers with the current culture ("1767323045,000" under de-DE, which no reader
        // parses): it runs under the invariant culture, on this thread only, and nothing here awaits.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using var writer = new HistogramLogWriter(log);
            writer.Write(start.UtcDateTime);
            foreach (var interval in report.Intervals)
            {
                var histogram = HistogramCodec.Decode(interval.Encoded);
                histogram.StartTimeStamp = (start + interval.Start).ToUnixTimeMilliseconds();
                histogram.EndTimeStamp = (start + interval.End).ToUnixTimeMilliseconds();
                writer.Append(histogram);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        // HdrHistogram.NET writes UTF-16 with a byte-order mark; the format is ASCII and the Java and JavaScript
        // readers expect single bytes, so the text is re-encoded (HdrHistogram.NET's reader reads either).
        var header = $"#[StressTest interval log: {report.Intervals.Count} interval(s), latency in microseconds]\n";
        return header + Encoding.Unicode.GetString(log.GetBuffer(), 0, (int)log.Length).TrimStart('\uFEFF');
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Transport;

namespace StressTest.Reports;

/// <summary>HdrHistogram's percentile distribution text (values in ms), readable by HdrHistogram's plotters.</summary>
internal sealed class HgrmReportExporter : IReportExporter
{
    public string Extension => ".hgrm";

    public string Description => "HdrHistogram percentile distribution of latency (ms)";

    public async ValueTask ExportAsync(StressReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var writer = new StreamWriter(destination, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var histogram = report.Latency ?? LatencyHistograms.Create();
            histogram.OutputPercentileDistribution(writer, percentileTicksPerHalfDistance: 5, outputValueUnitScalingRatio: LatencyHistograms.MicrosecondsPerMillisecond, useCsvFormat: false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

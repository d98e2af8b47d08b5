// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using HdrHistogram;
using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Transport;

namespace StressTest.Tests.Reports;

/// <summary>The interval log reads back with HdrHistogram's own reader: the same totals as the run.</summary>
[TestClass]
public sealed class HlogReportExporterTests
{
    [TestMethod]
    public async Task ExportAsync_MeasuredRun_ReadsBackWithHdrHistogramsReaderToTheRunsTotals()
    {
        var (result, report) = ReportSamples.Open(5);
        var run = result.Measurements!.Latency;

        var bytes = await ExportAsync(report);
        var intervals = Read(bytes);

        Assert.HasCount(5, intervals);
        var merged = LatencyHistograms.Create();
        foreach (var interval in intervals)
        {
            merged.Add(interval);
        }

        Assert.AreEqual(run.TotalCount, merged.TotalCount);
        Assert.AreEqual(run.GetMaxValue(), merged.GetMaxValue());
        Assert.AreEqual(run.GetValueAtPercentile(99), merged.GetValueAtPercentile(99));
        var measuredFrom = ReportSamples.LoadStartedAt.AddSeconds(1);  // after the 1 s warm-up
        for (var i = 0; i < intervals.Count; i++)
        {
            Assert.AreEqual(measuredFrom.AddSeconds(i).ToUnixTimeMilliseconds(), intervals[i].StartTimeStamp, $"interval {i} start");
            Assert.AreEqual(measuredFrom.AddSeconds(i + 1).ToUnixTimeMilliseconds(), intervals[i].EndTimeStamp, $"interval {i} end");
            Assert.AreEqual(report.Series[i].Count, intervals[i].TotalCount, $"interval {i} count");
        }
    }

    [TestMethod]
    public async Task ExportAsync_AnyCulture_WritesAsciiWithDecimalPoints()
    {
        var (_, report) = ReportSamples.Open(2);
        var culture = CultureInfo.CurrentCulture;
        byte[] bytes;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            bytes = await ExportAsync(report);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.AreEqual((byte)'#', bytes[0], "no byte-order mark, single-byte text");
        Assert.IsTrue(bytes.All(b => b is >= 0x0A and < 0x80), "ASCII only");
        var lines = Encoding.ASCII.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("#[Histogram log format version 1.3]", lines[1]);
        Assert.StartsWith($"#[StartTime: {ReportSamples.LoadStartedAt.AddSeconds(1).ToUnixTimeSeconds()}.000 (seconds since epoch)", lines[2]);
        Assert.StartsWith($"{ReportSamples.LoadStartedAt.AddSeconds(1).ToUnixTimeSeconds()}.000,1.000,", lines[4]);
        Assert.HasCount(2, Read(bytes));
    }

    [TestMethod]
    public async Task ExportAsync_NoLoadRan_WritesAHeaderWithoutIntervals()
    {
        var bytes = await ExportAsync(ReportFixtures.Report(ReportFixtures.NoLoad()));

        Assert.Contains("#[Histogram log format version 1.3]", Encoding.ASCII.GetString(bytes));
        Assert.IsEmpty(Read(bytes));
    }

    private static List<HistogramBase> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = new HistogramLogReader(stream);
        return reader.ReadHistograms().ToList();
    }

    private static async Task<byte[]> ExportAsync(StressReport report)
    {
        using var stream = new MemoryStream();
        await new HlogReportExporter().ExportAsync(report, stream, CancellationToken.None);
        return stream.ToArray();
    }
}

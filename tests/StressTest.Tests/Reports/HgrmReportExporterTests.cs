// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Plan.Methods;
using StressTest.Reports;

namespace StressTest.Tests.Reports;

/// <summary>The .hgrm percentile distribution parses back, in milliseconds.</summary>
[TestClass]
public sealed class HgrmReportExporterTests
{
    [TestMethod]
    public async Task ExportAsync_MeasuredRun_WritesAParsableDistributionInMilliseconds()
    {
        var text = await ExportAsync(ReportFixtures.Report(ReportFixtures.Measured()));

        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Value", lines[0]);
        Assert.Contains("Percentile", lines[0]);
        var rows = lines.Skip(1)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c => (Value: Parse(c[0]), Percentile: Parse(c[1]), TotalCount: long.Parse(c[2], CultureInfo.InvariantCulture)))
            .ToList();

        Assert.IsNotEmpty(rows);
        Assert.AreEqual(1.0, rows[0].Value, 0.001, "the smallest value is 1 ms, not 1000 (µs)");
        Assert.AreEqual(100.0, rows[^1].Value, 0.1);
        Assert.AreEqual(1.0, rows[^1].Percentile);
        Assert.AreEqual(100, rows[^1].TotalCount);
        Assert.IsTrue(rows.Zip(rows.Skip(1)).All(p => p.First.Percentile <= p.Second.Percentile));

        var mean = lines.Single(l => l.StartsWith("#[Mean", StringComparison.Ordinal));
        var meanValue = Parse(mean.Split('=')[1].Split(',')[0].Trim());
        Assert.AreEqual(50.5, meanValue, 0.1);
        Assert.IsTrue(lines.Any(l => l.StartsWith("#[Max", StringComparison.Ordinal) && l.Contains("Total count", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task ExportAsync_NoLoadRan_WritesAnEmptyDistribution()
    {
        var text = await ExportAsync(ReportFixtures.Report(ReportFixtures.NoLoad()));

        Assert.Contains("#[Mean", text);
        Assert.Contains("Total count    =            0", text);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<string> ExportAsync(StressReport report)
    {
        using var stream = new MemoryStream();
        await new HgrmReportExporter().ExportAsync(report, stream, CancellationToken.None);
        Assert.IsTrue(stream.CanWrite, "the exporter leaves the destination open");
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using StressTest.Plan.Methods;
using StressTest.Reports;
using nietras.SeparatedValues;

namespace StressTest.Tests.Reports;

/// <summary>The CSV time series reads back row for row, in the invariant culture whatever the machine's.</summary>
[TestClass]
public sealed class CsvReportExporterTests
{
    [TestMethod]
    public async Task ExportAsync_MeasuredRun_ReadsBackOneRowPerSecond()
    {
        var (_, report) = ReportSamples.Open(12);

        var text = await ExportAsync(report);

        using var reader = Sep.Reader(o => o with { CultureInfo = CultureInfo.InvariantCulture }).FromText(text);
        CollectionAssert.AreEqual(CsvReportExporter.Columns.ToArray(), reader.Header.ColNames.ToArray());
        var index = 0;
        foreach (var row in reader)
        {
            var second = report.Series[index++];
            Assert.AreEqual(second.Second, row["second"].Parse<int>());
            Assert.AreEqual(second.End, row["end"].Parse<double>());
            Assert.AreEqual(second.Count, row["count"].Parse<long>());
            Assert.AreEqual(second.Errors, row["errors"].Parse<long>());
            Assert.AreEqual(second.Rps, row["rps"].Parse<double>(), 0.001);
            Assert.AreEqual(second.Target, row["target"].Parse<double>());
            Assert.AreEqual(second.Dropped, row["dropped"].Parse<long>());
            Assert.AreEqual(second.InFlight, row["inFlight"].Parse<int>());
            Assert.AreEqual(second.P50, row["p50"].Parse<double>());
            Assert.AreEqual(second.P95, row["p95"].Parse<double>());
            Assert.AreEqual(second.Max, row["max"].Parse<double>());
        }

        Assert.AreEqual(12, index);
    }

    [TestMethod]
    public async Task ExportAsync_CommaDecimalCulture_StillWritesInvariantNumbers()
    {
        var (_, report) = ReportSamples.Open(2);
        var culture = CultureInfo.CurrentCulture;
        string text;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            text = await ExportAsync(report);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var firstRow = text.Split('\n')[1].TrimEnd('\r');
        Assert.AreEqual(CsvReportExporter.Columns.Count, firstRow.Split(',').Length, firstRow);
        Assert.Contains(report.Series[0].P50!.Value.ToString(CultureInfo.InvariantCulture), firstRow);
    }

    [TestMethod]
    public async Task ExportAsync_SecondWithoutCompletions_LeavesLatencyCellsEmpty()
    {
        var text = await ExportAsync(ReportFixtures.Report(ReportFixtures.Unmeasured()));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.HasCount(2, lines);
        Assert.EndsWith(",0,,,,,", lines[1]);
    }

    [TestMethod]
    public async Task ExportAsync_NoLoadRan_WritesTheHeaderOnly()
    {
        var text = await ExportAsync(ReportFixtures.Report(ReportFixtures.NoLoad()));

        Assert.AreEqual(string.Join(',', CsvReportExporter.Columns), text.Trim());
    }

    private static async Task<string> ExportAsync(StressReport report)
    {
        using var stream = new MemoryStream();
        await new CsvReportExporter().ExportAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Reports;
using StressTest.Tests.Evaluation.Baselines;
using StressTest.Transport;

namespace StressTest.Tests.Reports;

/// <summary>Baseline files: a kept JSON report, read back exactly; every bad file a clear message.</summary>
[TestClass]
public sealed class BaselineFileTests
{
    private const string Path = "stress-baselines/default/Shop.Tests.Run.json";

    [TestMethod]
    public async Task WriteAsync_ThenRead_RoundTripsTheReportIntoAFolderItCreates()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stresstest-baseline-" + Guid.NewGuid().ToString("N"));
        var file = System.IO.Path.Combine(folder, "not", "yet", "there.json");
        var report = WithHistogram(new SyntheticRuns().Run(new RunShape(Seconds: 5), seed: 3));
        try
        {
            await BaselineFile.WriteAsync(report, file, CancellationToken.None);

            var read = BaselineFile.Read(file, report.Test);

            Assert.IsTrue(read.IsSuccess, read.Error);
            Assert.AreEqual(report.RunId, read.Value.RunId);
            Assert.AreEqual(report.LatencyMs, read.Value.LatencyMs);
            Assert.HasCount(5, read.Value.Series);
            Assert.AreEqual(report.Series[2].P95, read.Value.Series[2].P95);
            Assert.AreEqual("Test CPU", read.Value.Environment.Cpu);
            var histogram = HistogramCodec.Decode(Convert.FromBase64String(read.Value.LatencyHistogram!));
            Assert.AreEqual(1000, histogram.TotalCount, "the full histogram is kept");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Parse_CorruptJson_SaysCorruptAndWhatToDo()
    {
        var result = BaselineFile.Parse("{\"schemaVersion\": 1, \"test\": ", Path);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"Baseline {Path} is corrupt (", result.Error);
        Assert.Contains("delete it, or record it again with StressTest.UpdateBaselines=true", result.Error);
    }

    [TestMethod]
    [DataRow("[]")]
    [DataRow("{\"test\": \"x\"}")]
    [DataRow("{\"schemaVersion\": \"one\"}")]
    public void Parse_NotAReport_SaysSo(string json) =>
        Assert.StartsWith($"Baseline {Path} is not a StressTest report (no schemaVersion)", BaselineFile.Parse(json, Path).Error);

    [TestMethod]
    public void Parse_RequiredFieldMissing_IsCorrupt() =>
        Assert.Contains("is corrupt", BaselineFile.Parse("{\"schemaVersion\": 1}", Path).Error ?? string.Empty);

    [TestMethod]
    public void Parse_NewerSchema_AsksToUpdateStressTest()
    {
        var result = BaselineFile.Parse("{\"schemaVersion\": 2, \"anything\": [\"new\"]}", Path);

        Assert.AreEqual($"Baseline {Path} has schema version 2, newer than this StressTest reads (1); update StressTest, or record the baseline again with this version.", result.Error);
    }

    [TestMethod]
    public void Parse_AnotherTestsBaseline_NamesBothTests()
    {
        var json = JsonSerializer.Serialize(new SyntheticRuns().Run(new RunShape(Seconds: 2), 1), JsonReportExporter.Options);

        var result = BaselineFile.Parse(json, Path, "Shop.Tests.Other");

        Assert.AreEqual($"Baseline {Path} is the baseline of Synthetic.Tests.Run, not of Shop.Tests.Other (a renamed test or a copied file?); move it to the right test's file or delete it, or record it again with StressTest.UpdateBaselines=true.", result.Error);
    }

    [TestMethod]
    public void Parse_BrokenHistogram_IsCorrupt()
    {
        var report = new SyntheticRuns().Run(new RunShape(Seconds: 2), 1) with { LatencyHistogram = Convert.ToBase64String([1, 2, 3, 4]) };

        var result = BaselineFile.Parse(JsonSerializer.Serialize(report, JsonReportExporter.Options), Path);

        Assert.Contains("is corrupt (latencyHistogram is not a base64 HdrHistogram encoding)", result.Error ?? string.Empty);
    }

    private static StressReport WithHistogram(StressReport report)
    {
        var histogram = LatencyHistograms.Create();
        histogram.RecordValueWithCount(10_000, 1000);
        return report with { LatencyHistogram = Convert.ToBase64String(HistogramCodec.Encode(histogram)) };
    }
}

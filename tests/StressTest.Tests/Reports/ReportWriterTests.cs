// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;
using StressTest.Reports;

namespace StressTest.Tests.Reports;

/// <summary>Report files: one folder per test, safe and unique names, every format written whole.</summary>
[TestClass]
public sealed class ReportWriterTests
{
    [TestMethod]
    [DataRow("MyApp.Tests.OrdersStress.PlaceOrder")]
    [DataRow("A-b_c.D")]
    public void SafeFileName_AlreadySafe_IsUnchanged(string name)
    {
        Assert.AreEqual(name, ReportWriter.SafeFileName(name));
    }

    [TestMethod]
    [DataRow("MyApp.Tests.Generic<int>.Run", "MyApp.Tests.Generic_int_.Run-")]
    [DataRow("MyApp.Tests.Quoted.\"Run\"", "MyApp.Tests.Quoted._Run_-")]
    [DataRow("MyApp.Tests.Ünïcødé.Läuft", "MyApp.Tests._n_c_d_.L_uft-")]
    [DataRow("a/b\\c:d*e?f|g", "a_b_c_d_e_f_g-")]
    [DataRow("..", "test-")]
    [DataRow("", "test-")]
    [DataRow("名前", "__-")]
    public void SafeFileName_UnsafeCharacters_AreReplacedAndAHashAppended(string name, string expectedPrefix)
    {
        var safe = ReportWriter.SafeFileName(name);

        Assert.StartsWith(expectedPrefix, safe);
        Assert.MatchesRegex("^[A-Za-z0-9._-]+-[0-9a-f]{8}$", safe);
    }

    [TestMethod]
    [DataRow("CON")]
    [DataRow("nul.Tests.Run")]
    [DataRow("COM1.X")]
    public void SafeFileName_WindowsDeviceName_IsPrefixed(string name)
    {
        var safe = ReportWriter.SafeFileName(name);

        Assert.StartsWith("_", safe);
    }

    [TestMethod]
    public void SafeFileName_NamesDifferingOnlyInUnsafeCharacters_StayUnique()
    {
        var names = new[] { "A.B<C>.Run", "A.B[C].Run", "A.B(C).Run", "A.B_C_.Run", "A.B C .Run", "A.B<C >.Run" };

        var safe = names.Select(ReportWriter.SafeFileName).ToArray();

        Assert.AreAllDistinct(safe);
    }

    [TestMethod]
    public void SafeFileName_VeryLongName_IsBoundedKeepsTheEndAndStaysUnique()
    {
        var prefix = "Namespace." + new string('N', 300) + ".";
        var first = ReportWriter.SafeFileName(prefix + "First");
        var second = ReportWriter.SafeFileName("Other" + prefix + "First");

        Assert.IsLessThanOrEqualTo(80 + 9, first.Length);
        Assert.Contains("First-", first, "the method name at the end is the readable part");
        Assert.AreNotEqual(first, second);
    }

    [TestMethod]
    public async Task WriteAsync_FixedReport_WritesEveryFormatIntoOneFolderPerTest()
    {
        var directory = Path.Combine(Path.GetTempPath(), "stresstest-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = ReportFixtures.Report(ReportFixtures.Measured());

            var files = await ReportWriter.Default.WriteAsync(report, directory, CancellationToken.None);

            var folder = Path.Combine(directory, ReportWriter.SafeFileName(report.Test));
            string[] extensions = [".json", ".html", ".hgrm", ".hlog", ".csv", ".md"];
            Assert.HasCount(extensions.Length, files);
            for (var i = 0; i < extensions.Length; i++)
            {
                Assert.AreEqual(Path.GetFullPath(Path.Combine(folder, "StressTest.Tests.Reports.ReportFixtures.Target.Run" + extensions[i])), files[i].Path);
            }

            Assert.IsTrue(files.All(f => File.Exists(f.Path) && new FileInfo(f.Path).Length > 0 && f.Description.Length > 0));
            Assert.AreAllDistinct(files.Select(f => f.Description).ToArray());
            Assert.IsEmpty(Directory.GetFiles(folder, "*.tmp"), "temporary files are moved into place");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(files[0].Path));
            Assert.AreEqual(100, json.RootElement.GetProperty("count").GetInt64());
            Assert.Contains("#[Mean", await File.ReadAllTextAsync(files[2].Path));

            // Writing again replaces the files.
            var again = await ReportWriter.Default.WriteAsync(report with { Count = 7 }, directory, CancellationToken.None);
            using var rewritten = JsonDocument.Parse(await File.ReadAllTextAsync(again[0].Path));
            Assert.AreEqual(7, rewritten.RootElement.GetProperty("count").GetInt64());
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;
using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` kills its test host on Ctrl+C without notice, and CI agents kill whole process trees: the JSON
/// report is rewritten every second while a test runs, so what was measured survives a SIGKILL.
/// </summary>
[TestClass]
public sealed class KilledRunTests
{
    [TestMethod]
    public async Task DotnetTest_KilledMidRun_LeavesTheJsonReportOfWhatWasMeasured()
    {
        var fixture = FixtureProject.Cancel;
        await fixture.EnsureBuiltAsync();
        var reports = Path.Combine(TempFolders.Create("Cancel-killed"), "reports");
        string? written = null;

        // The fixture's test would run 30 s; it is killed once its report shows 2 s measured.
        var process = await DotnetCli.RunAsync(
            ["test", fixture.ProjectDirectory, "--no-build", "-c", "Debug", "--", $"StressTest.ResultsDirectory={reports}"],
            environment: null,
            timeout: TimeSpan.FromMinutes(2),
            killWhen: () => (written = MeasuredAtLeast(reports, seconds: 2)) is not null);

        Assert.IsTrue(process.Killed, process.ToString());
        var report = ReportJson.Load(written!);
        Assert.AreEqual("running", report.Require("outcome").GetString());
        Assert.IsGreaterThanOrEqualTo(2.0, report.Require("durationSeconds").GetDouble());
        Assert.IsGreaterThanOrEqualTo(2, report.Require("series").GetArrayLength());
        Assert.IsGreaterThan(0L, report.Require("count").GetInt64());
        Assert.AreEqual(JsonValueKind.Number, report.Require("latencyMs").Require("p50").ValueKind);
    }

    /// <summary>The running report's path once it shows at least <paramref name="seconds"/> measured; null before.
    /// The report is replaced by a rename, so a read sees a whole file, old or new.</summary>
    private static string? MeasuredAtLeast(string reports, double seconds)
    {
        if (!Directory.Exists(reports))
        {
            return null;
        }

        foreach (var path in Directory.EnumerateFiles(reports, "*.json", SearchOption.AllDirectories))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                if (document.RootElement.GetProperty("durationSeconds").GetDouble() >= seconds)
                {
                    return path;
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException)
            {
                // Being replaced right now: look again at the next poll.
            }
        }

        return null;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.RegularExpressions;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// The analyzer in a real build (tests/Fixtures/AnalyzerFixture, which references it as the package ships it): this
/// SDK's compiler loads it and `dotnet build` shows STRESS105 at the threshold's line; and a user who suppresses the
/// error still gets the failed test from the runtime, which never relies on the analyzer.
/// </summary>
[TestClass]
public sealed class AnalyzerFixtureTests
{
    private const string ThresholdMessage = "Threshold \"p95 < 150 parsecs\": unknown unit \"parsecs\"; expected us, ms or s.";

    [TestMethod]
    public async Task DotnetBuild_BadThreshold_ShowsStress105AtTheAttributesLine()
    {
        var project = FixtureProject.Analyzer;
        var lines = await File.ReadAllLinesAsync(Path.Combine(project.ProjectDirectory, "TypoStressTests.cs"));
        var line = Array.FindIndex(lines, l => l.Contains("parsecs", StringComparison.Ordinal));
        var column = lines[line].IndexOf("\"p95", StringComparison.Ordinal);

        var build = await project.BuildAsync();

        Assert.AreNotEqual(0, build.ExitCode, build.ToString());
        Assert.Contains($"TypoStressTests.cs({line + 1},{column + 1}): error STRESS105: [Threshold]: {ThresholdMessage}", build.Output, build.ToString());
        var reported = Regex.Matches(build.Output, @"\.cs\(\d+,\d+\): (error|warning) (STRESS\d+)").Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.HasCount(1, reported, "the valid test beside the typo is not flagged: " + string.Join(", ", reported));
        Assert.DoesNotContain("CS8032", build.Output, "the SDK's compiler loads the analyzer (it is built against an older Roslyn)");
        Assert.DoesNotContain("AD0001", build.Output, "the analyzer does not throw");
    }

    [TestMethod]
    public async Task DotnetTest_AnalyzerErrorSuppressed_StillFailsTheTestAtRuntime()
    {
        var run = await FixtureProject.Analyzer.TestAsync("suppressed");

        run.AssertFailedWith("Typo", ThresholdMessage);
        run.AssertPassedWithoutMessage(run.Get("Valid"));
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>The hostile fixture under run-wide settings (items 8, 9 and 13 of issue 16): a base address setup can see,
/// a results folder that cannot be written, a key given twice.</summary>
[TestClass]
public sealed class HostileSettingsTests
{
    [TestMethod]
    public async Task DotnetTest_BaseUrlSetting_SetupSeesItAndIsWarnedWhenItSetsAnother()
    {
        var settings = WriteSettings("base-url", "<BaseUrl>http://127.0.0.1:9/</BaseUrl><ProgressInterval>0s</ProgressInterval><progressinterval>0s</progressinterval><DurationScale>0.3</DurationScale>");

        var run = await FixtureProject.Hostile.TestAsync("base-url", "Category=Settings", new Dictionary<string, string>(), ["--settings", settings]);

        run.AssertPassedWithoutMessage(run.Get("SetupSeesBaseUrl"));
        run.AssertPassedWithoutMessage(run.Get("SetupSetsAnotherBaseUrl"));
        Assert.IsTrue(run.HasMarker("BaseUrl.setup " + Uri.EscapeDataString("http://127.0.0.1:9/")), "setup saw the BaseUrl setting on StressSetupContext.BaseAddress");
        Assert.Contains("[StressSetup] set StressSetupContext.BaseAddress = \"http://127.0.0.1:8/\", but the BaseUrl setting (\"http://127.0.0.1:9/\") wins: the load goes there.", run.Process.Output, run.Process.ToString());
        Assert.Contains("Setting StressTest.ProgressInterval is given 2 times (ProgressInterval = \"0s\", progressinterval = \"0s\"); give it once.", run.Process.Output);
    }

    [TestMethod]
    public async Task DotnetTest_KeyGivenTwiceWithDifferentValues_FailsEveryTestNamingBoth()
    {
        var settings = WriteSettings("twice", "<DurationScale>0.3</DurationScale><DurationScale>0.5</DurationScale>");

        var run = await FixtureProject.Hostile.TestAsync("twice", "Name=ValidPasses", new Dictionary<string, string>(), ["--settings", settings]);

        run.AssertFailedWith("ValidPasses", "Setting StressTest.DurationScale is given 2 times with different values (DurationScale = \"0.3\", DurationScale = \"0.5\"); give it once.");
    }

    [TestMethod]
    public async Task DotnetTest_ResultsDirectoryNotWritable_FailsBeforeTheLoad()
    {
        var file = Path.Combine(TempFolders.Create("not-a-folder"), "file.txt");
        await File.WriteAllTextAsync(file, "a file where the reports' folder should be");

        var run = await FixtureProject.Hostile.TestAsync("unwritable", "Name=ValidPasses", $"StressTest.ResultsDirectory={file}");

        var result = run.AssertFailedWith("ValidPasses", $"Reports cannot be written to {file}", "so no load ran; point the StressTest.ResultsDirectory setting (or dotnet test --results-directory) at a writable folder.");
        Assert.IsTrue(string.IsNullOrEmpty(result.StdOut), "no load ran: " + result.StdOut);
    }

    private static string WriteSettings(string name, string stressTestSection)
    {
        var path = Path.Combine(TempFolders.Create("settings-" + name), name + ".runsettings");
        File.WriteAllText(path, $"<RunSettings><StressTest>{stressTestSection}</StressTest></RunSettings>");
        return path;
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Runner;

namespace StressTest.Tests.Runner;

[TestClass]
public sealed class BaselineLocationTests
{
    private static readonly string Project = Path.Combine(Path.GetTempPath(), "shop", "Shop.StressTests");

    [TestMethod]
    public void FolderFor_Defaults_IsStressBaselinesDefaultNextToTheProject() =>
        Assert.AreEqual(Path.Combine(Project, "stress-baselines", "default"), BaselineLocation.FolderFor(GateSettings.Default, Project));

    [TestMethod]
    public void FolderFor_ProfileAndRelativeDirectory_AreUnderTheProject() =>
        Assert.AreEqual(
            Path.GetFullPath(Path.Combine(Project, "..", "perf", "nightly")),
            BaselineLocation.FolderFor(GateSettings.Default with { Profile = "nightly", BaselineDirectory = "../perf" }, Project));

    [TestMethod]
    public void FolderFor_AbsoluteDirectory_IsKept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "baselines");

        Assert.AreEqual(Path.Combine(absolute, "smoke"), BaselineLocation.FolderFor(GateSettings.Default with { Profile = "smoke", BaselineDirectory = absolute }, Project));
    }

    [TestMethod]
    public void FileFor_IsTheTestsSafeFileName() =>
        Assert.AreEqual(
            "StressTest.Tests.Evaluation.Baselines.BaselineLocationTests.json",
            Path.GetFileName(BaselineLocation.FileFor(GateSettings.Default, typeof(BaselineLocationTests).Assembly, "StressTest.Tests.Evaluation.Baselines.BaselineLocationTests")));

    [TestMethod]
    public void ProjectDirectory_WithoutMetadata_IsTheNearestFolderWithAProjectFile() =>
        Assert.AreEqual("StressTest.Tests", Path.GetFileName(BaselineLocation.ProjectDirectory(typeof(BaselineLocationTests).Assembly)));
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Plan;

/// <summary>Profiles: <c>[StressTest(Profiles = …)]</c> chooses the profiles a test runs in; <c>RateScale</c> scales
/// the load it declares.</summary>
[TestClass]
public sealed class ProfileAndRateScaleTests
{
    [TestMethod]
    [DataRow("nightly", "nightly", false)]
    [DataRow("Nightly, soak", "soak", false)]
    [DataRow("nightly", "smoke", true)]
    [DataRow("nightly", null, true)]
    [DataRow(null, "smoke", false)]
    [DataRow(null, null, false)]
    public void SkipReason_RunsOnlyInTheNamedProfiles(string? profiles, string? profile, bool skipped)
    {
        var arguments = profiles is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["Profiles"] = profiles };

        var reason = ProfileSelection.SkipReason(arguments, GateSettings.Default with { Profile = profile });

        Assert.AreEqual(skipped, reason is not null, reason);
    }

    [TestMethod]
    public void SkipReason_NoProfile_SaysHowToChooseOne()
    {
        var reason = ProfileSelection.SkipReason(new Dictionary<string, object?> { ["Profiles"] = "nightly" }, GateSettings.Default);

        Assert.AreEqual("Skipped: runs only in profile nightly; this run has no profile. Choose one with --settings nightly.runsettings or -- StressTest.Profile=nightly.", reason);
    }

    [TestMethod]
    [DataRow("night ly")]
    [DataRow("nightly,,soak")]
    [DataRow("")]
    public void Build_BadProfiles_FailsNamingTheAttribute(string profiles)
    {
        var result = Build(StressSettings.Default, ("Profiles", profiles));

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"[StressTest(Profiles = \"{profiles}\")]: ", result.Error);
        Assert.Contains("is not a profile name", result.Error);
    }

    [TestMethod]
    public void Build_RateScale_MultipliesTheRate()
    {
        var load = Build(Scaled(0.5), ("Rate", 200.0)).Value!.Load;

        Assert.AreEqual(100.0, load.Rate);
        Assert.AreEqual(1000, load.MaxConcurrency, "the in-flight cap is not scaled");
    }

    [TestMethod]
    public void Build_RateScale_MultipliesWorkersAndKeepsAtLeastOne()
    {
        Assert.AreEqual(6, Build(Scaled(1.5), ("Concurrency", 4)).Value!.Load.Concurrency);
        Assert.AreEqual(1, Build(Scaled(0.1), ("Concurrency", 4)).Value!.Load.Concurrency);
    }

    [TestMethod]
    public void Build_RateScale_MultipliesStageTargets()
    {
        var closed = Build(Scaled(0.5), ("Stages", "1s:4, 1s:9, 1s:0")).Value!.Load;
        var open = Build(Scaled(0.5), ("Stages", "1s:100, 1s:0"), ("Model", (int)StressTest.LoadModel.Open)).Value!.Load;

        CollectionAssert.AreEqual(new[] { 2.0, 4.0, 0.0 }, closed.Stages.Select(s => s.Target).ToArray(), "workers are rounded");
        Assert.AreEqual(4, closed.Concurrency, "the pool is the largest scaled target");
        CollectionAssert.AreEqual(new[] { 50.0, 0.0 }, open.Stages.Select(s => s.Target).ToArray());
    }

    [TestMethod]
    public void Build_RateScaleBeyondTheLimit_FailsNamingTheSetting()
    {
        var result = Build(Scaled(1000), ("Rate", 5000.0));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("Setting StressTest.RateScale = 1000 makes a rate of 5,000,000/s, above the limit of 1,000,000/s", result.Error);
    }

    private static StressSettings Scaled(double scale) => StressSettings.Default with { Gates = GateSettings.Default with { RateScale = scale } };

    private static ParseResult<StressPlan> Build(StressSettings settings, params (string Name, object? Value)[] arguments) =>
        PlanBuilder.Build(
            Plans.Declaration(typeof(Targets), nameof(Targets.Plain), arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal)),
            settings);

    public static class Targets
    {
        [StressTest]
        public static void Plain()
        {
        }
    }
}

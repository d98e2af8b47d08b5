// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Settings;

namespace StressTest.Tests.Plan.Settings;

[TestClass]
public sealed class GateSettingsParserTests
{
    [TestMethod]
    public void Parse_GateKeys_AnyCase_AreApplied()
    {
        var result = StressSettingsParser.Parse(
        [
            KeyValuePair.Create("profile", "Nightly"),
            KeyValuePair.Create("RATESCALE", "0.5"),
            KeyValuePair.Create("BaselineDirectory", "perf/baselines"),
            KeyValuePair.Create("UpdateBaselines", "true"),
            KeyValuePair.Create("NoBaseline", "Fail"),
        ]);

        Assert.IsEmpty(result.Errors);
        Assert.IsEmpty(result.Warnings);
        var gates = result.Settings.Gates;
        Assert.AreEqual("nightly", gates.Profile, "profile names are case-insensitive");
        Assert.AreEqual(0.5, gates.RateScale);
        Assert.AreEqual("perf/baselines", gates.BaselineDirectory);
        Assert.IsTrue(gates.UpdateBaselines);
        Assert.AreEqual(NoBaselineOutcome.Fail, gates.NoBaseline);
        Assert.AreEqual("nightly", gates.ProfileFolder);
    }

    [TestMethod]
    public void Default_NoProfileWarnsWithoutBaselineAndScalesNothing()
    {
        var gates = StressSettings.Default.Gates;

        Assert.IsNull(gates.Profile);
        Assert.AreEqual("default", gates.ProfileFolder);
        Assert.AreEqual(1.0, gates.RateScale);
        Assert.IsFalse(gates.UpdateBaselines);
        Assert.AreEqual(NoBaselineOutcome.Warn, gates.NoBaseline);
    }

    [TestMethod]
    [DataRow("Profile", "night ly", "Setting StressTest.Profile = \"night ly\" is invalid")]
    [DataRow("Profile", "../up", "expected a name of letters, digits")]
    [DataRow("RateScale", "0", "Setting StressTest.RateScale = \"0\" is invalid; expected a positive number")]
    [DataRow("RateScale", "fast", "RateScale = \"fast\" is invalid")]
    [DataRow("UpdateBaselines", "yes", "UpdateBaselines = \"yes\" is invalid; expected true or false")]
    [DataRow("NoBaseline", "ignore", "NoBaseline = \"ignore\" is invalid; expected warn")]
    [DataRow("NoBaseline", "1", "NoBaseline = \"1\" is invalid")]
    public void Parse_BadGateValue_IsAnErrorNamingTheSetting(string key, string value, string fragment)
    {
        var result = StressSettingsParser.Parse([KeyValuePair.Create(key, value)]);

        Assert.HasCount(1, result.Errors);
        Assert.Contains(fragment, result.Errors[0]);
    }

    [TestMethod]
    public void Parse_UnknownKey_WarningListsTheGateKeysToo()
    {
        var result = StressSettingsParser.Parse([KeyValuePair.Create("Profle", "smoke")]);

        Assert.HasCount(1, result.Warnings);
        Assert.Contains("Profile, RateScale, BaselineDirectory, UpdateBaselines, NoBaseline", result.Warnings[0]);
    }
}

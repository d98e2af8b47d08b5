// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Settings;

namespace StressTest.Tests.Settings;

/// <summary>Run-wide settings: bad values are errors naming the setting, unknown keys are warnings.</summary>
[TestClass]
public sealed class StressSettingsParserTests
{
    [TestMethod]
    public void Parse_Nothing_ReturnsDefaults()
    {
        var result = StressSettingsParser.Parse([]);

        Assert.AreEqual(StressSettings.Default, result.Settings);
        Assert.AreEqual(1.0, result.Settings.DurationScale);
        Assert.IsNull(result.Settings.ResultsDirectory);
        Assert.AreEqual(TimeSpan.FromSeconds(5), result.Settings.ShutdownGrace);
        Assert.IsEmpty(result.Errors);
        Assert.IsEmpty(result.Warnings);
    }

    [TestMethod]
    [DataRow("0.1", 0.1)]
    [DataRow(" 2 ", 2.0)]
    [DataRow("1000", 1000.0)]
    [DataRow("1e-3", 0.001)]
    public void Parse_ValidDurationScale_IsApplied(string value, double expected)
    {
        var result = Parse(("DurationScale", value));

        Assert.IsEmpty(result.Errors);
        Assert.AreEqual(expected, result.Settings.DurationScale);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("-1")]
    [DataRow("1000.5")]
    [DataRow("abc")]
    [DataRow("")]
    [DataRow("NaN")]
    [DataRow("Infinity")]
    [DataRow("0,5")]
    public void Parse_InvalidDurationScale_IsAnErrorQuotingTheValue(string value)
    {
        var result = Parse(("DurationScale", value));

        var error = Assert.ContainsSingle(result.Errors);
        Assert.StartsWith($"Setting StressTest.DurationScale = \"{value.Trim()}\" is invalid", error);
        Assert.Contains("positive number", error);
        Assert.AreEqual(1.0, result.Settings.DurationScale);
    }

    [TestMethod]
    [DataRow("out/reports", "out/reports")]
    [DataRow("  /tmp/stress  ", "/tmp/stress")]
    public void Parse_ValidResultsDirectory_IsApplied(string value, string expected)
    {
        var result = Parse(("ResultsDirectory", value));

        Assert.IsEmpty(result.Errors);
        Assert.AreEqual(expected, result.Settings.ResultsDirectory);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("bad\0path")]
    public void Parse_InvalidResultsDirectory_IsAnError(string value)
    {
        var result = Parse(("ResultsDirectory", value));

        var error = Assert.ContainsSingle(result.Errors);
        Assert.StartsWith("Setting StressTest.ResultsDirectory = ", error);
        Assert.Contains("expected a folder path", error);
        Assert.IsNull(result.Settings.ResultsDirectory);
    }

    [TestMethod]
    [DataRow("250ms", 2_500_000L)]
    [DataRow("1m", 600_000_000L)]
    [DataRow("0s", 0L)]
    public void Parse_ValidShutdownGrace_IsApplied(string value, long ticks)
    {
        var result = Parse(("ShutdownGrace", value));

        Assert.IsEmpty(result.Errors);
        Assert.AreEqual(TimeSpan.FromTicks(ticks), result.Settings.ShutdownGrace);
    }

    [TestMethod]
    [DataRow("5", "has no unit after \"5\"")]
    [DataRow("-1s", "is negative")]
    [DataRow("soon", "\"soon\"")]
    public void Parse_InvalidShutdownGrace_IsAnErrorNamingTheSetting(string value, string expected)
    {
        var result = Parse(("ShutdownGrace", value));

        var error = Assert.ContainsSingle(result.Errors);
        Assert.StartsWith("Setting StressTest.ShutdownGrace: ", error);
        Assert.Contains(expected, error);
        Assert.AreEqual(TimeSpan.FromSeconds(5), result.Settings.ShutdownGrace);
    }

    [TestMethod]
    public void Parse_UnknownKey_IsAWarningListingKnownKeysAndNotAnError()
    {
        var result = Parse(("DurationScael", "0.1"), ("DurationScale", "0.5"));

        Assert.IsEmpty(result.Errors);
        var warning = Assert.ContainsSingle(result.Warnings);
        Assert.Contains("StressTest.DurationScael", warning);
        Assert.Contains("DurationScale, ResultsDirectory, ShutdownGrace", warning);
        Assert.AreEqual(0.5, result.Settings.DurationScale);
    }

    [TestMethod]
    public void Parse_KeyInAnotherCase_IsRecognised()
    {
        var result = Parse(("durationscale", "0.25"));

        Assert.IsEmpty(result.Warnings);
        Assert.AreEqual(0.25, result.Settings.DurationScale);
    }

    [TestMethod]
    public void Parse_SeveralBadValues_ReportsEach()
    {
        var result = Parse(("DurationScale", "x"), ("ShutdownGrace", "y"), ("ResultsDirectory", ""), ("Other", "1"));

        Assert.HasCount(3, result.Errors);
        Assert.HasCount(1, result.Warnings);
    }

    private static SettingsParseResult Parse(params (string Key, string Value)[] values) =>
        StressSettingsParser.Parse(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
}

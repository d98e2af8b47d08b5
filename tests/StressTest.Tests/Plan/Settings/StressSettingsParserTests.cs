// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Settings;

namespace StressTest.Tests.Plan.Settings;

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
    [DataRow("http://127.0.0.1:5080/", "http://127.0.0.1:5080/")]
    [DataRow("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [DataRow("  https://api.test.internal/v1  ", "https://api.test.internal/v1/")]
    public void Parse_ValidBaseUrl_IsAppliedEndingInASlash(string value, string expected)
    {
        var result = Parse(("BaseUrl", value));

        Assert.IsEmpty(result.Errors);
        Assert.AreEqual(new Uri(expected), result.Settings.BaseUrl);
        Assert.AreEqual(expected, result.Settings.BaseUrl!.AbsoluteUri);
    }

    [TestMethod]
    [DataRow("not a url")]
    [DataRow("")]
    [DataRow("api/orders")]
    [DataRow("/api/orders")]
    [DataRow("ftp://files.test/")]
    [DataRow("mailto:ops@example.com")]
    [DataRow(" 127.0.0.1:5080 ")]
    public void Parse_InvalidBaseUrl_IsAnErrorNamingTheSettingAndValue(string value)
    {
        var result = Parse(("BaseUrl", value));

        var error = Assert.ContainsSingle(result.Errors);
        Assert.AreEqual(
            $"Setting StressTest.BaseUrl = \"{value.Trim()}\" is invalid: expected an absolute http or https address such as \"http://127.0.0.1:5080/\".",
            error);
        Assert.IsNull(result.Settings.BaseUrl);
    }

    [TestMethod]
    public void Parse_NoAllowedHosts_IsEmpty()
    {
        var result = Parse(("BaseUrl", "http://127.0.0.1:5080/"));

        Assert.IsEmpty(result.Settings.AllowedHosts);
        Assert.IsEmpty(StressSettings.Default.AllowedHosts);
    }

    [TestMethod]
    [DataRow("api.test.internal", new[] { "api.test.internal" })]
    [DataRow("a.test,b.test", new[] { "a.test", "b.test" })]
    [DataRow(" a.test , b.test ", new[] { "a.test", "b.test" })]
    [DataRow("a.test b.test   c.test", new[] { "a.test", "b.test", "c.test" })]
    [DataRow("a.test;10.0.0.5,,  staging", new[] { "a.test", "10.0.0.5", "staging" })]
    [DataRow("Staging.Example.COM", new[] { "Staging.Example.COM" })]
    [DataRow("2001:db8::5, [::1]", new[] { "2001:db8::5", "[::1]" })]
    [DataRow("", new string[0])]
    [DataRow(" , ", new string[0])]
    public void Parse_AllowedHosts_IsSplitOnCommasSemicolonsAndSpaces(string value, string[] expected)
    {
        var result = Parse(("AllowedHosts", value));

        Assert.IsEmpty(result.Errors);
        Assert.AreSequenceEqual(expected, result.Settings.AllowedHosts.ToArray());
    }

    [TestMethod]
    [DataRow("*.example.com", "*.example.com")]
    [DataRow("api.test, *", "*")]
    [DataRow("bad host!", "host!")]
    [DataRow("good.test,bad_host!", "bad_host!")]
    [DataRow("http://api.test/", "http://api.test/")]
    [DataRow("api.test:8080", "api.test:8080")]
    public void Parse_InvalidAllowedHost_IsAnErrorNamingTheHost(string value, string bad)
    {
        var result = Parse(("AllowedHosts", value));

        var error = Assert.ContainsSingle(result.Errors);
        Assert.StartsWith($"Setting StressTest.AllowedHosts: \"{bad}\" is not a host name;", error);
        Assert.Contains("no wildcards", error);
        Assert.IsEmpty(result.Settings.AllowedHosts, "a list with a bad host is not applied in part");
    }

    [TestMethod]
    public void Parse_HttpKeysInAnotherCase_AreRecognised()
    {
        var result = Parse(("baseurl", "http://localhost:5000"), ("ALLOWEDHOSTS", "a.test"));

        Assert.IsEmpty(result.Warnings);
        Assert.IsEmpty(result.Errors);
        Assert.AreEqual(new Uri("http://localhost:5000/"), result.Settings.BaseUrl);
        Assert.AreSequenceEqual(new[] { "a.test" }, result.Settings.AllowedHosts.ToArray());
    }

    [TestMethod]
    public void Parse_UnknownKey_WarningListsTheHttpSettings()
    {
        var result = Parse(("BaseUri", "http://localhost/"));

        var warning = Assert.ContainsSingle(result.Warnings);
        Assert.Contains("StressTest.BaseUri", warning);
        Assert.Contains("BaseUrl", warning);
        Assert.Contains("AllowedHosts", warning);
        Assert.IsNull(result.Settings.BaseUrl);
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

    [TestMethod]
    public void Parse_LifecycleTimeout_IsAppliedAndDefaultsToTwoMinutes()
    {
        Assert.AreEqual(TimeSpan.FromMinutes(2), StressSettings.Default.LifecycleTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(30), Parse(("LifecycleTimeout", "30s")).Settings.LifecycleTimeout);
    }

    [TestMethod]
    [DataRow("0s", "Setting StressTest.LifecycleTimeout: \"0s\" must be greater than zero; e.g. \"2m\".")]
    [DataRow("soon", "Setting StressTest.LifecycleTimeout: \"soon\" has no number before \"soon\"")]
    public void Parse_BadLifecycleTimeout_IsAnErrorNamingIt(string value, string expected)
    {
        Assert.StartsWith(expected, Assert.ContainsSingle(Parse(("LifecycleTimeout", value)).Errors));
    }

    [TestMethod]
    public void Parse_KeyGivenTwiceWithDifferentValues_IsAnErrorNamingBothAndNeitherApplies()
    {
        var result = Parse(("DurationScale", "0.1"), ("durationScale", "0.5"));

        Assert.AreEqual("Setting StressTest.DurationScale is given 2 times with different values (DurationScale = \"0.1\", durationScale = \"0.5\"); give it once.", Assert.ContainsSingle(result.Errors));
        Assert.AreEqual(1.0, result.Settings.DurationScale, "an ambiguous value is not guessed");
    }

    [TestMethod]
    public void Parse_KeyGivenTwiceWithTheSameValue_IsAWarningAndApplies()
    {
        var result = Parse(("Seed", "7"), ("Seed", " 7 "));

        Assert.IsEmpty(result.Errors);
        Assert.AreEqual("Setting StressTest.Seed is given 2 times (Seed = \"7\", Seed = \"7\"); give it once.", Assert.ContainsSingle(result.Warnings));
        Assert.AreEqual(7, result.Settings.Seed);
    }

    private static SettingsParseResult Parse(params (string Key, string Value)[] values) =>
        StressSettingsParser.Parse(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
}

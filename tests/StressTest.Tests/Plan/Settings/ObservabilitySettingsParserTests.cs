// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Settings;

namespace StressTest.Tests.Plan.Settings;

/// <summary>TraceSampleRate, OtlpEndpoint, OtlpProtocol, TargetProcessId, TargetProcessName.</summary>
[TestClass]
public sealed class ObservabilitySettingsParserTests
{
    [TestMethod]
    public void Parse_Nothing_OnePercentTracedNothingExportedNoTarget()
    {
        var settings = StressSettingsParser.Parse([]).Settings.Observability;

        Assert.AreEqual(0.01, settings.TraceSampleRate);
        Assert.IsNull(settings.OtlpEndpoint);
        Assert.IsNull(settings.TargetProcessId);
        Assert.IsNull(settings.TargetProcessName);
    }

    [TestMethod]
    public void Parse_ValidValues_AreApplied()
    {
        var result = Parse(("TraceSampleRate", "0.5"), ("otlpEndpoint", "http://127.0.0.1:4318"), ("OtlpProtocol", "http/protobuf"), ("TargetProcessId", "4711"), ("TargetProcessName", "SampleApi"));

        Assert.IsEmpty(result.Errors);
        var settings = result.Settings.Observability;
        Assert.AreEqual(0.5, settings.TraceSampleRate);
        Assert.AreEqual(new Uri("http://127.0.0.1:4318/"), settings.OtlpEndpoint);
        Assert.AreEqual("http/protobuf", settings.OtlpProtocol);
        Assert.AreEqual(4711, settings.TargetProcessId);
        Assert.AreEqual("SampleApi", settings.TargetProcessName);
    }

    [TestMethod]
    [DataRow("TraceSampleRate", "1.5", "Setting StressTest.TraceSampleRate = \"1.5\" is invalid; expected a share from 0 to 1")]
    [DataRow("TraceSampleRate", "all", "Setting StressTest.TraceSampleRate = \"all\" is invalid")]
    [DataRow("OtlpEndpoint", "collector:4317", "Setting StressTest.OtlpEndpoint = \"collector:4317\" is invalid: expected an absolute http or https address")]
    [DataRow("OtlpProtocol", "udp", "Setting StressTest.OtlpProtocol = \"udp\" is invalid; expected grpc or http/protobuf.")]
    [DataRow("TargetProcessId", "-3", "Setting StressTest.TargetProcessId = \"-3\" is invalid; expected a process id")]
    [DataRow("TargetProcessName", "/usr/bin/api", "Setting StressTest.TargetProcessName = \"/usr/bin/api\" is invalid; expected a process name without a path")]
    public void Parse_BadValue_ErrorNamesTheSetting(string key, string value, string expected)
    {
        var result = Parse((key, value));

        Assert.StartsWith(expected, Assert.ContainsSingle(result.Errors));
    }

    private static SettingsParseResult Parse(params (string Key, string Value)[] values) =>
        StressSettingsParser.Parse(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/BadInputFixture: every invalid attribute value or signature fails its own test
/// with a message naming what was written and what was expected; the valid test beside them still passes. The
/// fixture references the analyzer with its errors suppressed (NoWarn, #pragma): the runtime fails them all the same.
/// </summary>
[TestClass]
public sealed class BadInputFixtureTests
{
    private static readonly Lazy<Task<FixtureRun>> Run = new(() => FixtureProject.BadInput.TestAsync("all"));

    [TestMethod]
    [DataRow("DurationNotADuration", "[StressTest(Duration = \"abc\")]", "expected a number followed by us, ms, s, m or h")]
    [DataRow("DurationZero", "[StressTest(Duration = \"0s\")]", "Duration must be greater than zero")]
    [DataRow("DurationNegative", "[StressTest(Duration = \"-1s\")]", "is negative; expected a non-negative number")]
    [DataRow("WarmUpNotADuration", "[StressTest(WarmUp = \"x\")]", "expected a number followed by us, ms, s, m or h")]
    [DataRow("TimeoutZero", "[StressTest(Timeout = \"0ms\")]", "Timeout must be greater than zero")]
    [DataRow("ConcurrencyZero", "[StressTest(Concurrency = 0)]", "from 1 to 1,000")]
    [DataRow("ConcurrencyTooHigh", "[StressTest(Concurrency = 20000)]", "from 1 to 1,000", "use the open model")]
    [DataRow("ThresholdUnknownMetric", "Threshold \"p42x < 5ms\"", "unknown metric \"p42x\"; expected min, mean, max, a percentile")]
    [DataRow("ThresholdUnknownUnit", "Threshold \"p95 < 10 parsecs\"", "unknown unit \"parsecs\"; expected us, ms or s")]
    [DataRow("ThresholdEqualsOperator", "Threshold \"p95 = 5ms\"", "unknown operator \"=\"; expected <, <=, >, >= or ==")]
    [DataRow("ThresholdMissingValue", "Threshold \"p95 <\"", "missing value after \"<\"; expected a number with a time unit")]
    [DataRow("UnsupportedSignature", "BadAttributeStressTests.UnsupportedSignature has an unsupported signature", "returns Int32; expected void, Task or ValueTask", "its parameters (String) are not supported")]
    [DataRow("NeedsInstance", "NoDefaultConstructorStressTests.NeedsInstance", "needs a public parameterless constructor")]
    [DataRow("NeverLoads", "[StressSetup] ThrowingSetupStressTests.Setup threw System.InvalidOperationException: no database")]
    [DataRow("WithInstanceSetup", "[StressSetup] method InstanceSetupStressTests.Setup", "must be public static")]
    [DataRow("AsyncVoid", "BadAttributeStressTests.AsyncVoid has an unsupported signature: it is async void, which nothing can await", "return Task instead (async Task)")]
    public async Task DotnetTest_BadInput_FailsWithMessageNamingValueAndExpectation(string method, params string[] fragments)
    {
        var run = await Run.Value;

        var result = run.Get(method);
        Assert.AreEqual("Failed", result.Outcome, run.ToString());
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.ErrorMessage ?? string.Empty, $"{method}'s message lacks \"{fragment}\".");
        }
    }

    [TestMethod]
    public async Task DotnetTest_ValidTestAmongBadOnes_Passes()
    {
        var run = await Run.Value;

        Assert.AreEqual("Passed", run.Get("ValidStillPasses").Outcome, run.ToString());
        Assert.AreEqual(1, run.Trx.Results.Count(r => r.Outcome == "Passed"), run.ToString());
        Assert.AreEqual(17, run.Trx.Results.Count, run.ToString());
    }

    [TestMethod]
    public async Task DotnetTest_InvalidAttribute_RunsNoLoadAndReportsNoMeasurements()
    {
        var run = await Run.Value;

        var result = run.Get("DurationNotADuration");
        Assert.IsEmpty(result.Attachments, "an invalid test has nothing measured to attach");
        Assert.IsTrue(string.IsNullOrEmpty(result.StdOut), result.StdOut);
    }
}

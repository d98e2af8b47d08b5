// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on tests/Fixtures/HostileFixture (issue 16): what a hostile or careless user writes, each case with its
/// outcome and message, and the run ends within its bound. The runs that end the test host (crashes, signals) and those
/// that need run-wide settings are in <see cref="HostileHostTests"/> and <see cref="HostileSettingsTests"/>.
/// </summary>
[TestClass]
public sealed class HostileFixtureTests
{
    /// <summary>The fixture's run takes ~45 s (nine lifecycle hangs of 1–1.5 s each among 70 tests); it must never hang.</summary>
    internal static readonly TimeSpan RunBound = TimeSpan.FromMinutes(2);

    internal const string MainFilter = "Category!=Crash&Category!=Signal&Category!=Settings";

    private const string Lifecycle = "did not finish within LifecycleTimeout (1 s)";
    private const string Abandoned = "its CancellationToken was cancelled and it was still running 500 ms later (ShutdownGrace), so it was abandoned";
    private const string AsyncVoid = "it is async void, which nothing can await";

    private static readonly Lazy<Task<FixtureRun>> Main = new(() => RunMainAsync("main"));

    /// <summary>The run-wide settings of the fixture's main run: short loads and short bounds.</summary>
    internal static string[] Settings(string baselines) =>
    [
        "StressTest.DurationScale=0.3", "StressTest.ShutdownGrace=500ms", "StressTest.LifecycleTimeout=1s",
        "StressTest.NoBaseline=fail", $"StressTest.BaselineDirectory={baselines}", "StressTest.ProgressInterval=0s",
    ];

    [TestMethod]
    // Item 1: async void is not a supported shape, anywhere.
    [DataRow("AsyncVoid", "Failed", "ShapeStressTests.AsyncVoid has an unsupported signature: " + AsyncVoid, "return Task instead (async Task)")]
    [DataRow("AsyncVoidThrows", "Failed", "ShapeStressTests.AsyncVoidThrows has an unsupported signature: " + AsyncVoid)]
    [DataRow("AsyncVoidWorkerSetup", "Failed", "[StressWorkerSetup] method AsyncVoidWorkerSetupStressTests.WorkerSetup is not supported: " + AsyncVoid)]
    [DataRow("AsyncVoidSetup", "Failed", "[StressSetup] method AsyncVoidSetupStressTests.Setup is async void, which nothing can await")]
    // Item 2: every lifecycle method that hangs is cancelled, then abandoned, and named.
    [DataRow("SetupHangs", "Failed", "[StressSetup] SetupHangsStressTests.Setup " + Lifecycle + " and was cancelled")]
    [DataRow("SetupIgnoresToken", "Failed", "[StressSetup] SetupIgnoresTokenStressTests.Setup " + Lifecycle + "; " + Abandoned)]
    [DataRow("TeardownHangs", "Failed", "[StressTeardown] TeardownHangsStressTests.Teardown " + Lifecycle + " and was cancelled", "The load itself passed")]
    [DataRow("WorkerSetupHangs", "Failed", "[StressWorkerSetup] WorkerSetupHangsStressTests.WorkerSetup " + Lifecycle + " and was cancelled")]
    [DataRow("WorkerTeardownIgnoresToken", "Failed", "[StressWorkerTeardown] WorkerTeardownIgnoresTokenStressTests.WorkerTeardown " + Lifecycle + "; " + Abandoned)]
    [DataRow("DisposeHangs", "Failed", "Dispose of DisposeHangsStressTests " + Lifecycle + "; " + Abandoned)]
    [DataRow("ConstructorHangs", "Failed", "The constructor of ConstructorHangsStressTests " + Lifecycle + "; " + Abandoned)]
    [DataRow("DataDisposeHangs", "Failed", "Disposing the run's HangingResource (handed over by StressSetupContext.Set) " + Lifecycle + "; " + Abandoned)]
    [DataRow("DependencyReaderHangs", "Failed", "Reading the dependencies' counters (StressSetupContext.ReportDependency) " + Lifecycle + "; " + Abandoned)]
    // Item 5: a starved thread pool is named as the test's own fault.
    [DataRow("StarvesThePool", "Failed", "Warning: the thread pool of the test process was starved", "This is the test's own fault")]
    // Item 6: more workers than dedicated threads can serve.
    [DataRow("ConcurrencyTenThousand", "Failed", "[StressTest(Concurrency = 10000)]: Concurrency must be a whole number from 1 to 1,000", "use the open model (Rate with MaxConcurrency")]
    [DataRow("StagesTooManyWorkers", "Failed", "[StressTest(Stages = \"1s:2000\")]: in the closed model the targets are numbers of workers: whole numbers from 0 to 1,000")]
    // Item 7: a token honoured is cut off; a token ignored is stuck.
    [DataRow("OutlivesRunHonoursToken", "Failed", "cut off ×2: Still running ShutdownGrace (0.5 s) after the load ended: its CancellationToken was cancelled and it returned")]
    [DataRow("OutlivesRunIgnoresToken", "Failed", "still after their CancellationToken was then cancelled, so they were abandoned: the method does not return and ignores its CancellationToken", "stuck ×1")]
    [DataRow("BlackHoledHttp", "Failed", "cut off ×1: Still running ShutdownGrace")]
    // Item 8: what can be known before the load fails before it.
    [DataRow("MissingBaseAddress", "Failed", "StressContext.Http sent GET /products/1, a relative URI, but the run has no base address: set the BaseUrl setting", "STRESSTEST_BASEURL", "StressSetupContext.BaseAddress in [StressSetup]")]
    [DataRow("NoBaselineFails", "Failed", "p95 < baseline + 10% have no baseline (no file", "the NoBaseline setting is fail, so no load ran")]
    // Item 10: endpoint names (the names themselves: EndpointNames_*).
    [DataRow("RandomSlugs", "Passed")]
    [DataRow("NamedRoutes", "Passed")]
    [DataRow("BadRoute", "Failed", "[StressSetup] BadRouteStressTests.Setup threw System.ArgumentException: StressSetupContext.NameEndpoints: route \"api/users/{name}\" is not a path starting with \"/\"")]
    // Item 11: tests on abstract classes.
    [DataRow("InheritedStatic", "Passed")]
    [DataRow("InheritedInstance", "Passed")]
    [DataRow("OrphanStatic", "Passed")]
    [DataRow("OrphanInstance", "Failed", "[StressTest] method AbstractWithoutSubclass.OrphanInstance is declared on the abstract class AbstractWithoutSubclass, which has no non-abstract subclass in HostileFixture")]
    // Item 12: secrets are redacted (every file is scanned by DotnetTest_HostileRun_NoOutputHoldsAPlantedSecret).
    [DataRow("SecretPasswordInMessage", "Failed", "login failed, password: *** for user bob")]
    [DataRow("SecretBareJwt", "Failed", "rejected *** for user bob")]
    [DataRow("SecretDictionaryKey", "Failed", "config was {'api_key': ***, 'region': 'eu'}")]
    [DataRow("SecretCheckName", "Failed", "checks = 0 %, expected > 99 %")]
    [DataRow("SecretInSetup", "Failed", "[StressSetup] SecretSetupStressTests.Setup threw System.InvalidOperationException: could not log in: Authorization: ***")]
    // Item 13: the smaller ones.
    [DataRow("NullTaskReturned", "Failed", "ShapeStressTests.NullTaskReturned returned null instead of a Task: return Task.CompletedTask, or make the method async.")]
    [DataRow("MessageGetterThrows", "Failed", "HostileFixture.ShapeStressTests+HostileException ×", "(its Message property threw System.InvalidOperationException)")]
    [DataRow("Duration48h", "Failed", "[StressTest(Duration = \"48h\")]: \"48h\" is too long; expected at most \"24h\"")]
    [DataRow("Duration1000000h", "Failed", "[StressTest(Duration = \"1000000h\")]: \"1000000h\" is too long; expected at most \"24h\"")]
    [DataRow("ThresholdNaN", "Failed", "Threshold \"p95 < NaNms\": \"NaNms\" is not a number; expected a finite number")]
    [DataRow("StepNumber101", "Failed", "StressContext.Step(\"step-100\") would be step name number 101 of the run")]
    // Bad input and failures that were handled well before, and must stay so.
    [DataRow("ValidPasses", "Passed")]
    [DataRow("TolerantOfErrors", "Passed")]
    [DataRow("Throws", "Failed", "System.InvalidOperationException ×", ": the method failed")]
    [DataRow("TimesOut", "Failed", "timeout ×", "An invocation ran longer than Timeout (100 ms) and was cancelled.")]
    [DataRow("DurationNotADuration", "Failed", "[StressTest(Duration = \"abc\")]: \"abc\" has no number before \"abc\"")]
    [DataRow("DurationNegative", "Failed", "[StressTest(Duration = \"-1s\")]: \"-1s\" is negative")]
    [DataRow("WarmUpNotADuration", "Failed", "[StressTest(WarmUp = \"soon\")]")]
    [DataRow("TimeoutZero", "Failed", "[StressTest(Timeout = \"0ms\")]: Timeout must be greater than zero")]
    [DataRow("ConcurrencyZero", "Failed", "[StressTest(Concurrency = 0)]: Concurrency must be a whole number from 1 to 1,000")]
    [DataRow("RateWithConcurrency", "Failed", "Rate (open model: arrivals per second) and Concurrency (closed model: workers) exclude each other")]
    [DataRow("PacingInOpenModel", "Failed", "[StressTest(Pacing = \"100ms\")]: Pacing applies to the closed model")]
    [DataRow("MaxConcurrencyZero", "Failed", "[StressTest(MaxConcurrency = 0)]: MaxConcurrency must be a whole number from 1 to 100,000")]
    [DataRow("StagesMalformed", "Failed", "stage 2 \"oops\" has no ':' between duration and target")]
    [DataRow("AcceptStatusBad", "Failed", "\"teapot\" in \"2xx, teapot\" is not a status code")]
    [DataRow("ThresholdUnknownMetric", "Failed", "unknown metric \"p42x\"")]
    [DataRow("ThresholdBadOperator", "Failed", "unknown operator \"=\"; expected <, <=, >, >= or ==")]
    [DataRow("ThresholdUnknownStep", "Failed", "step \"chekout\" never ran (steps that ran: \"checkout\")")]
    [DataRow("ReturnsInt", "Failed", "it returns Int32; expected void, Task or ValueTask")]
    [DataRow("TakesString", "Failed", "its parameters (String) are not supported")]
    [DataRow("Generic", "Failed", "it must not be generic")]
    [DataRow("PrivateMethod", "Failed", "it must be public")]
    [DataRow("Overloaded()", "Failed", "is overloaded (2 methods with [StressTest] share the name)")]
    [DataRow("Overloaded(CancellationToken)", "Failed", "is overloaded (2 methods with [StressTest] share the name)")]
    [DataRow("NeedsInstance", "Failed", "its class NoDefaultConstructorStressTests needs a public parameterless constructor")]
    [DataRow("SetupThrows", "Failed", "[StressSetup] SetupThrowsStressTests.Setup threw System.InvalidOperationException: no database")]
    [DataRow("TeardownThrows", "Failed", "[StressTeardown] TeardownThrowsStressTests.Teardown threw System.IO.IOException: could not delete the test data", "The load itself passed")]
    [DataRow("WorkerSetupThrows", "Failed", "[StressWorkerSetup] WorkerSetupThrowsStressTests.WorkerSetup threw System.InvalidOperationException: no login")]
    [DataRow("SetupSkips", "NotExecuted", "Skipped by [StressSetup]: no database on this machine")]
    [DataRow("MissingFeederFile", "Failed", "[StressSetup] MissingFeederFileStressTests.Setup threw System.IO.FileNotFoundException")]
    [DataRow("HostNotAllowed", "Failed", "refused to send a request to host \"api.example.invalid\"")]
    [DataRow("ServerAnswers500", "Failed", "HTTP 500 ×", "GET /fail answered 500")]
    public async Task DotnetTest_HostileCase_EndsWithItsOutcomeAndMessage(string method, string outcome, params string[] fragments)
    {
        var run = await Main.Value;

        if (outcome == "Passed")
        {
            run.AssertPassedWithoutMessage(run.Get(method));
            return;
        }

        run.AssertOutcomeWith(method, outcome, fragments);
    }

    [TestMethod]
    public async Task DotnetTest_HostileRun_EndsWithinItsBoundWithEveryTestRecorded()
    {
        var run = await Main.Value;

        Assert.IsLessThan(RunBound, run.Process.Elapsed, run.Process.ToString());
        Assert.HasCount(70, run.Trx.Results, run.ToString());
        Assert.IsFalse(run.Process.Output.Contains("Test host process crashed", StringComparison.Ordinal), run.Process.ToString());
    }

    [TestMethod]
    public async Task DotnetTest_MethodHonoursItsTokenButOutlivesTheRun_IsNotSaidToIgnoreIt()
    {
        var run = await Main.Value;

        Assert.DoesNotContain("ignores its CancellationToken", run.Get("OutlivesRunHonoursToken").ErrorMessage ?? string.Empty);
        Assert.DoesNotContain("ignores its CancellationToken", run.Get("BlackHoledHttp").ErrorMessage ?? string.Empty);
    }

    [TestMethod]
    public async Task DotnetTest_HungSetup_StillRunsTeardown()
    {
        var run = await Main.Value;

        Assert.IsTrue(run.HasMarker("SetupHangs.teardown"), "teardown runs after a setup that timed out");
        Assert.IsTrue(run.HasMarker("SetupIgnoresToken.teardown"), "teardown runs after a setup that was abandoned");
        Assert.IsTrue(run.HasMarker("SetupThrows.teardown"));
    }

    [TestMethod]
    [DataRow("TeardownHangs")]
    [DataRow("WorkerTeardownIgnoresToken")]
    [DataRow("DisposeHangs")]
    public async Task DotnetTest_CleanupHangsAfterTheLoad_ReportKeepsWhatWasMeasured(string method)
    {
        var run = await Main.Value;

        var report = ReportJson.Load(run.Get(method));
        Assert.AreEqual("failed", report.Require("outcome").GetString());
        Assert.IsGreaterThan(0L, report.Require("count").GetInt64(), "what was measured before the hang is reported");
    }

    [TestMethod]
    public async Task DotnetTest_ErrorsWhoseMessageThrowsAndNullTasks_AreCountedAndStopTheRun()
    {
        var run = await Main.Value;

        Assert.IsGreaterThan(0L, ReportJson.Load(run.Get("MessageGetterThrows")).Require("errors").GetInt64(), "an exception whose Message throws is still an error");
        var nullTask = ReportJson.Load(run.Get("NullTaskReturned"));
        Assert.IsLessThan(0.3, nullTask.Require("durationSeconds").GetDouble(), "the first null Task stops the run");
    }

    [TestMethod]
    public async Task DotnetTest_HostileRun_NoOutputHoldsAPlantedSecret()
    {
        var run = await Main.Value;

        SecretScan.AssertClean(run.ResultsDirectory, run.Process.Output, minimumFiles: 200);
        Assert.Contains("failed: \"token=***\" ×", run.Get("SecretCheckName").StdOut, "the check is shown, its secret is not");
    }

    [TestMethod]
    public async Task DotnetTest_SameTestTwice_GivesTheSameEndpointNames()
    {
        var first = await Main.Value;
        var second = await RunMainAsync("names-again", "Name=RandomSlugs|Name=NamedRoutes");

        foreach (var (method, expected) in new[] { ("RandomSlugs", "GET /api/articles/{id}"), ("NamedRoutes", "GET /api/users/{name}") })
        {
            var names = EndpointNames(first.Get(method));
            Assert.AreSequenceEqual(new[] { expected }, names, $"{method}: random values at one position are one endpoint, named by the route's shape");
            Assert.AreSequenceEqual(names, EndpointNames(second.Get(method)), $"{method}: the same test run twice names its endpoints the same");
        }
    }

    private static Task<FixtureRun> RunMainAsync(string name, string filter = MainFilter) =>
        FixtureProject.Hostile.TestAsync(name, filter, Settings(Path.Combine(TempFolders.Create("hostile-baselines"), "none")));

    private static string[] EndpointNames(TrxResult result) =>
        [.. ReportJson.Load(result).Require("endpoints").EnumerateArray().Select(e => e.Require("name").GetString()!).Order(StringComparer.Ordinal)];
}

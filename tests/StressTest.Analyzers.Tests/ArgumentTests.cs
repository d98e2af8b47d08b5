// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>
/// STRESS101–104, 106, 107: <c>[StressTest]</c>'s named arguments, judged by the shared rules, reported at the value
/// with the runtime's own message (the same strings the engine's LoadReaderTests and PlanBuilderTests expect).
/// </summary>
[TestClass]
public sealed class ArgumentTests
{
    private const string ExpectedDuration = "expected a number followed by us, ms, s, m or h (e.g. \"30s\", \"500ms\", \"1.5m\")";

    [TestMethod]
    [DataRow("Duration", "10d", "\"10d\" has an unknown unit \"d\"; " + ExpectedDuration)]
    [DataRow("Duration", "1s1m", "\"1s1m\" has \"m\" after \"s\"; expected units in descending order (h, m, s, ms, us), e.g. \"1h30m\" or \"2s500ms\"")]
    [DataRow("Timeout", "0s", "Timeout must be greater than zero, e.g. \"30s\".")]
    [DataRow("WarmUp", "25h", "\"25h\" is too long; expected at most \"24h\"")]
    [DataRow("WarmUp", "", "\"\" is empty; " + ExpectedDuration)]
    public async Task Duration_BadText_IsStress101AtTheValue(string property, string text, string message)
    {
        var source = Sources.Method($$"""[StressTest({{property}} = {|#0:"{{text}}"|})]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS101", 0, $"[StressTest({property} = \"{text}\")]: {message}"));
    }

    [TestMethod]
    public async Task Duration_ValidTexts_AreNotReported()
    {
        var source = Sources.Method("""[StressTest(Duration = "1m30s", WarmUp = "0s", Timeout = "2.5s", Concurrency = 10, Pacing = "100ms")]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task Pacing_Zero_IsStress101()
    {
        var source = Sources.Method("""[StressTest(Concurrency = 2, Pacing = {|#0:"0s"|})]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS101", 0, "[StressTest(Pacing = \"0s\")]: Pacing must be greater than zero, e.g. \"30s\"."));
    }

    [TestMethod]
    [DataRow("30s:100,, 10s:0", "\"30s:100,, 10s:0\": stage 2 is empty (nothing between two commas); expected <duration>:<target>, e.g. \"30s:100, 1m:100, 10s:0\"")]
    [DataRow("1s:2.5", "in the closed model the targets are numbers of workers: whole numbers from 0 to 1,000 (each worker is a dedicated thread; for more invocations in flight use the open model (Rate with MaxConcurrency up to 100,000); for rates, set Model = LoadModel.Open).")]
    [DataRow("1s:0, 2s:0", "every target is 0, so nothing would run; expected at least one stage with a target above 0.")]
    public async Task Stages_BadText_IsStress102(string text, string message)
    {
        var source = Sources.Method($$"""[StressTest(Stages = {|#0:"{{text}}"|})]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS102", 0, $"[StressTest(Stages = \"{text}\")]: {message}"));
    }

    [TestMethod]
    public async Task Stages_ValidRampOfRates_IsNotReported()
    {
        var source = Sources.Method("""[StressTest(Model = LoadModel.Open, Stages = "30s:100, 1m:100.5, 10s:0")]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    [DataRow("Concurrency = {|#0:0|}", "[StressTest(Concurrency = 0)]: Concurrency must be a whole number from 1 to 1,000 (the number of workers invoking the method back-to-back; each worker is a dedicated thread; for more invocations in flight use the open model (Rate with MaxConcurrency up to 100,000)).")]
    [DataRow("MaxConcurrency = {|#0:100001|}, Rate = 5", "[StressTest(MaxConcurrency = 100001)]: MaxConcurrency must be a whole number from 1 to 100,000 (the number of invocations allowed in flight).")]
    [DataRow("Rate = {|#0:2000000|}", "[StressTest(Rate = 2000000)]: Rate must be a number of invocations per second greater than 0 and at most 1,000,000, e.g. Rate = 200.")]
    [DataRow("Model = {|#0:(LoadModel)7|}", "[StressTest(Model = 7)]: unknown load model; expected LoadModel.Closed or LoadModel.Open.")]
    [DataRow("Rate = 5, Arrivals = {|#0:(Arrivals)9|}", "[StressTest(Arrivals = 9)]: unknown arrival pattern; expected Arrivals.Uniform or Arrivals.Poisson.")]
    public async Task Number_OutOfRange_IsStress103(string arguments, string message)
    {
        var source = Sources.Method($"[StressTest({arguments})]");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS103", 0, message));
    }

    [TestMethod]
    public async Task Number_AtTheBounds_IsNotReported()
    {
        var source = Sources.Method("""
            [StressTest(Concurrency = 1000)]
                public static void Closed() { }

                [StressTest(Rate = 1000000, MaxConcurrency = 100000, Arrivals = Arrivals.Poisson)]
            """);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task Combination_RateWithConcurrency_IsStress104AtBothValues()
    {
        var source = Sources.Method("[StressTest(Rate = {|#0:100|}, Concurrency = {|#1:4|})]");
        var expected = Verify.Diagnostic("STRESS104", 0, "[StressTest(Rate = 100, Concurrency = 4)]: Rate (open model: arrivals per second) and Concurrency (closed model: workers) exclude each other; keep one. To cap invocations in flight in the open model, use MaxConcurrency.")
            .WithLocation(1);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, expected);
    }

    [TestMethod]
    [DataRow("Duration = {|#0:\"5s\"|}, Stages = {|#1:\"1s:10\"|}", "[StressTest(Duration = \"5s\", Stages = \"1s:10\")]: Duration and Stages exclude each other: the stages' durations add up to the run's length; remove Duration.")]
    [DataRow("Model = {|#0:LoadModel.Closed|}, Rate = {|#1:100|}", "[StressTest(Model = LoadModel.Closed, Rate = 100)]: Rate is the open model's arrival rate; remove Model or Rate.")]
    public async Task Combination_TwoPropertiesThatExcludeEachOther_IsStress104(string arguments, string message)
    {
        var source = Sources.Method($"[StressTest({arguments})]");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS104", 0, message).WithLocation(1));
    }

    [TestMethod]
    [DataRow("Model = {|#0:LoadModel.Open|}", "[StressTest(Model = LoadModel.Open)]: the open model needs Rate (arrivals per second) or Stages (ramping rates).")]
    [DataRow("Pacing = {|#0:\"100ms\"|}", "[StressTest(Pacing = \"100ms\")]: Pacing needs Concurrency (how many workers each start an invocation every Pacing), e.g. [StressTest(Concurrency = 10, Pacing = \"100ms\")].")]
    [DataRow("MaxConcurrency = {|#0:10|}", "[StressTest(MaxConcurrency = 10)]: MaxConcurrency applies to the open model (Rate); in the closed model Concurrency is the number in flight.")]
    [DataRow("Arrivals = {|#0:Arrivals.Poisson|}", "[StressTest(Arrivals = Arrivals.Poisson)]: Arrivals applies to the open model (Rate).")]
    public async Task Combination_PropertyOfTheOtherModel_IsStress104(string arguments, string message)
    {
        var source = Sources.Method($"[StressTest({arguments})]");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS104", 0, message));
    }

    [TestMethod]
    public async Task Combination_ConsistentModels_AreNotReported()
    {
        var source = Sources.Method("""
            [StressTest(Rate = 200, MaxConcurrency = 50, Arrivals = Arrivals.Poisson)]
                public static void Open() { }

                [StressTest(Concurrency = 8, Pacing = "50ms")]
                public static void Paced() { }

                [StressTest(Stages = "10s:5, 10s:0", Pacing = "1s")]
            """);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task AcceptStatus_CodeOutOfRange_IsStress106()
    {
        var source = Sources.Method("""[StressTest(AcceptStatus = {|#0:"2xx, 700"|})]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS106", 0, "[StressTest(AcceptStatus = \"2xx, 700\")]: \"700\" in \"2xx, 700\" is outside the status codes 100-599; expected a status code, a range like 200-299 or a class like 2xx"));
    }

    [TestMethod]
    public async Task AcceptStatus_CodesRangesAndClasses_AreNotReported()
    {
        await Verify.AnalyzerAsync<StressTestAnalyzer>(Sources.Method("""[StressTest(AcceptStatus = "2xx, 404, 300-302")]"""));
    }

    [TestMethod]
    public async Task Profiles_NameWithSpace_IsStress107()
    {
        var source = Sources.Method("""[StressTest(Profiles = {|#0:"nightly, so ak"|})]""");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS107", 0, "[StressTest(Profiles = \"nightly, so ak\")]: \"so ak\" is not a profile name; expected names of letters, digits, '.', '-' or '_' separated by commas, e.g. Profiles = \"nightly, soak\"."));
    }

    [TestMethod]
    public async Task Profiles_Names_AreNotReported()
    {
        await Verify.AnalyzerAsync<StressTestAnalyzer>(Sources.Method("""[StressTest(Profiles = "nightly; soak, smoke-1.2")]"""));
    }

    [TestMethod]
    public async Task Arguments_ConstantsAndEveryProblemAtOnce_AreEachReported()
    {
        const string source = """
            public sealed class Tests
            {
                private const string Long = "1h";

                [StressTest(Duration = Long + "x", Concurrency = {|#1:0|}, AcceptStatus = {|#2:"abc"|})]
                public static void Run()
                {
                }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(
            source.Replace("Long + \"x\"", "{|#0:Long + \"x\"|}", StringComparison.Ordinal),
            Verify.Diagnostic("STRESS101", 0, "[StressTest(Duration = \"1hx\")]: \"1hx\" has an unknown unit \"hx\"; " + ExpectedDuration),
            Verify.Diagnostic("STRESS103", 1, "[StressTest(Concurrency = 0)]: Concurrency must be a whole number from 1 to 1,000 (the number of workers invoking the method back-to-back; each worker is a dedicated thread; for more invocations in flight use the open model (Rate with MaxConcurrency up to 100,000))."),
            Verify.Diagnostic("STRESS106", 2, "[StressTest(AcceptStatus = \"abc\")]: \"abc\" is not a status code, a range like 200-299 or a class like 2xx"));
    }

    [TestMethod]
    public async Task Attribute_OfAnotherNamespace_IsNotAnalyzed()
    {
        const string source = """
            namespace Other
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class StressTestAttribute : Attribute
                {
                    public string Duration { get; set; }
                }

                public sealed class Tests
                {
                    [Other.StressTest(Duration = "10d")]
                    public static void Run()
                    {
                    }
                }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Plan;

/// <summary>
/// The load part of <c>[StressTest]</c> (Rate, MaxConcurrency, Arrivals, Pacing, Stages, Model) through the plan
/// builder: every bad value or combination fails with one message that names the attribute, the value and what was
/// expected; good ones build the right <see cref="LoadProfile"/>.
/// </summary>
[TestClass]
public sealed class LoadReaderTests
{
    private const string ExpectedStage = "expected <duration>:<target>, e.g. \"30s:100, 1m:100, 10s:0\"";
    private const string ExpectedList = "expected comma-separated <duration>:<target> stages, e.g. \"30s:100, 1m:100, 10s:0\"";
    private const string ExpectedTarget = "expected a non-negative decimal number such as \"100\" or \"2.5\"";
    private const string ExpectedDuration = "expected a number followed by us, ms, s, m or h (e.g. \"30s\", \"500ms\", \"1.5m\")";
    private const string RateMessage = "Rate must be a number of invocations per second greater than 0 and at most 1,000,000, e.g. Rate = 200.";
    private const string WholeWorkers = "in the closed model the targets are numbers of workers: whole numbers from 0 to 1,000 (each worker is a dedicated thread; for more invocations in flight use the open model (Rate with MaxConcurrency up to 100,000); for rates, set Model = LoadModel.Open).";

    [TestMethod]
    [DataRow(0.0, "0")]
    [DataRow(-1.0, "-1")]
    [DataRow(-0.001, "-0.001")]
    [DataRow(double.NaN, "NaN")]
    [DataRow(double.PositiveInfinity, "Infinity")]
    [DataRow(double.NegativeInfinity, "-Infinity")]
    [DataRow(1_000_000.5, "1000000.5")]
    public void Build_RateNotAPositiveNumberUpToAMillion_NamesRateAndRange(double rate, string written)
    {
        var result = Build(("Rate", rate));

        Assert.AreEqual($"[StressTest(Rate = {written})]: {RateMessage}", result.Error);
    }

    [TestMethod]
    [DataRow(0.001)]
    [DataRow(1_000_000.0)]
    public void Build_RateAtBounds_IsAccepted(double rate)
    {
        var load = Load(("Rate", rate));

        Assert.AreEqual(LoadModel.Open, load.Model);
        Assert.AreEqual(rate, load.Rate);
    }

    [TestMethod]
    public void Build_RateNotANumber_NamesRate()
    {
        var result = Build(("Rate", "fast"));

        Assert.AreEqual($"[StressTest(Rate = \"fast\")]: {RateMessage}", result.Error);
    }

    [TestMethod]
    [DataRow(nameof(Targets.RateWithConcurrency), "[StressTest(Rate = 100, Concurrency = 4)]: Rate (open model: arrivals per second) and Concurrency (closed model: workers) exclude each other; keep one. To cap invocations in flight in the open model, use MaxConcurrency.")]
    [DataRow(nameof(Targets.MaxConcurrencyZero), "[StressTest(MaxConcurrency = 0)]: MaxConcurrency must be a whole number from 1 to 100,000 (the number of invocations allowed in flight).")]
    [DataRow(nameof(Targets.MaxConcurrencyTooHigh), "[StressTest(MaxConcurrency = 100001)]: MaxConcurrency must be a whole number from 1 to 100,000 (the number of invocations allowed in flight).")]
    [DataRow(nameof(Targets.MaxConcurrencyClosed), "[StressTest(MaxConcurrency = 10)]: MaxConcurrency applies to the open model (Rate); in the closed model Concurrency is the number in flight.")]
    [DataRow(nameof(Targets.PacingWithoutConcurrency), "[StressTest(Pacing = \"100ms\")]: Pacing needs Concurrency (how many workers each start an invocation every Pacing), e.g. [StressTest(Concurrency = 10, Pacing = \"100ms\")].")]
    [DataRow(nameof(Targets.PacingWithRate), "[StressTest(Pacing = \"100ms\")]: Pacing applies to the closed model (Concurrency); the open model already starts invocations on a schedule (Rate).")]
    [DataRow(nameof(Targets.PacingZero), "[StressTest(Pacing = \"0s\")]: Pacing must be greater than zero, e.g. \"30s\".")]
    [DataRow(nameof(Targets.PacingMalformed), "[StressTest(Pacing = \"fast\")]: \"fast\" has no number before \"fast\"; " + ExpectedDuration)]
    [DataRow(nameof(Targets.StagesWithDuration), "[StressTest(Duration = \"5s\", Stages = \"1s:10\")]: Duration and Stages exclude each other: the stages' durations add up to the run's length; remove Duration.")]
    [DataRow(nameof(Targets.StagesWithConcurrency), "[StressTest(Concurrency = 10, Stages = \"1s:10\")]: Concurrency and Stages exclude each other: the stages' targets are the workers; remove Concurrency.")]
    [DataRow(nameof(Targets.StagesWithRate), "[StressTest(Rate = 100)]: Rate and Stages exclude each other: with Model = LoadModel.Open the stages' targets are the rates; remove Rate.")]
    [DataRow(nameof(Targets.OpenWithoutRate), "[StressTest(Model = LoadModel.Open)]: the open model needs Rate (arrivals per second) or Stages (ramping rates).")]
    [DataRow(nameof(Targets.ClosedWithRate), "[StressTest(Model = LoadModel.Closed, Rate = 100)]: Rate is the open model's arrival rate; remove Model or Rate.")]
    [DataRow(nameof(Targets.UnknownModel), "[StressTest(Model = 7)]: unknown load model; expected LoadModel.Closed or LoadModel.Open.")]
    [DataRow(nameof(Targets.UnknownArrivals), "[StressTest(Arrivals = 9)]: unknown arrival pattern; expected Arrivals.Uniform or Arrivals.Poisson.")]
    [DataRow(nameof(Targets.ArrivalsClosed), "[StressTest(Arrivals = Arrivals.Poisson)]: Arrivals applies to the open model (Rate).")]
    [DataRow(nameof(Targets.ClosedFractionalStage), "[StressTest(Stages = \"1s:2.5\")]: " + WholeWorkers)]
    [DataRow(nameof(Targets.ClosedTooManyWorkers), "[StressTest(Stages = \"1s:10, 1s:1001\")]: " + WholeWorkers)]
    [DataRow(nameof(Targets.OpenRateTooHigh), "[StressTest(Stages = \"1s:1000000.5\")]: a target rate is above 1,000,000 per second.")]
    [DataRow(nameof(Targets.StagesAllZero), "[StressTest(Stages = \"1s:0, 2s:0\")]: every target is 0, so nothing would run; expected at least one stage with a target above 0.")]
    public void Build_BadLoadModelAttribute_FailsWithExactlyOneMessageNamingIt(string method, string expected)
    {
        var result = Plans.TryBuild(typeof(Targets), method);

        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(expected, result.Error);
    }

    [TestMethod]
    public void Build_ConcurrencyWithOpenStages_SaysItIsTheClosedModelsAndExcludesStages()
    {
        var result = Plans.TryBuild(typeof(Targets), nameof(Targets.OpenStagesWithConcurrency));

        Assert.AreSequenceEqual(
            new[]
            {
                "[StressTest(Concurrency = 2)]: Concurrency is the closed model's worker count and does not apply with Model = LoadModel.Open; use MaxConcurrency to cap invocations in flight.",
                "[StressTest(Concurrency = 2, Stages = \"1s:10\")]: Concurrency and Stages exclude each other: the stages' targets are the workers; remove Concurrency.",
            },
            result.Error!.Split(Environment.NewLine));
    }

    [TestMethod]
    [DataRow("1s 100", "\"1s 100\": stage 1 \"1s 100\" has no ':' between duration and target; " + ExpectedStage)]
    [DataRow("1s:10, 2s", "\"1s:10, 2s\": stage 2 \"2s\" has no ':' between duration and target; " + ExpectedStage)]
    [DataRow("1s:-5", "\"1s:-5\": stage 1 \"1s:-5\" has a negative target \"-5\"; " + ExpectedTarget)]
    [DataRow("0s:10", "\"0s:10\": stage 1 \"0s:10\" has a zero duration \"0s\"; expected a duration greater than zero such as \"30s\"")]
    [DataRow("1s:10, 0ms:5", "\"1s:10, 0ms:5\": stage 2 \"0ms:5\" has a zero duration \"0ms\"; expected a duration greater than zero such as \"30s\"")]
    [DataRow("1s:10,", "\"1s:10,\": stage 2 is empty (nothing after the last comma); " + ExpectedStage)]
    [DataRow(",1s:10", "\",1s:10\": stage 1 is empty (nothing before the first comma); " + ExpectedStage)]
    [DataRow("1s:10,,2s:5", "\"1s:10,,2s:5\": stage 2 is empty (nothing between two commas); " + ExpectedStage)]
    [DataRow("1x:10", "\"1x:10\": stage 1 \"1x:10\" has an invalid duration: \"1x\" has an unknown unit \"x\"; " + ExpectedDuration)]
    [DataRow("1s:10:5", "\"1s:10:5\": stage 1 \"1s:10:5\" has more than one ':'; " + ExpectedStage)]
    [DataRow(":10", "\":10\": stage 1 \":10\" has no duration before ':'; " + ExpectedStage)]
    [DataRow("1s:", "\"1s:\": stage 1 \"1s:\" has no target after ':'; " + ExpectedStage)]
    [DataRow("1s:+5", "\"1s:+5\": stage 1 \"1s:+5\" has a signed target \"+5\"; expected a number without a sign such as \"100\" or \"2.5\"")]
    [DataRow("1s:1e3", "\"1s:1e3\": stage 1 \"1s:1e3\" has an exponent in the target \"1e3\"; expected a plain decimal number such as \"1000\"")]
    [DataRow("1s:ten", "\"1s:ten\": stage 1 \"1s:ten\" has a target \"ten\" that is not a number; " + ExpectedTarget)]
    [DataRow("1s:.5", "\"1s:.5\": stage 1 \"1s:.5\" has a malformed target \".5\"; " + ExpectedTarget)]
    [DataRow("13h:1, 12h:1", "\"13h:1, 12h:1\" lasts 25h in total; expected at most 24h across all stages")]
    [DataRow("", "\"\" is empty; " + ExpectedList)]
    [DataRow("  ", "\"  \" is empty; " + ExpectedList)]
    public void Build_MalformedStages_FailsWithTheAttributePrefixAndTheParsersMessage(string stages, string message)
    {
        var result = Build(("Stages", stages));

        Assert.AreEqual($"[StressTest(Stages = \"{stages}\")]: {message}", result.Error);
    }

    [TestMethod]
    public void Build_StagesNull_SaysNullIsNotAListOfStages()
    {
        var result = Build(("Stages", null));

        Assert.AreEqual("[StressTest(Stages = null)]: null is not a list of stages; " + ExpectedList, result.Error);
    }

    [TestMethod]
    public void Build_RateOnly_ChoosesTheOpenModelWithDefaults()
    {
        var settings = StressSettings.Default with { Seed = 42 };

        var load = Plans.Build(typeof(Targets), nameof(Targets.RateOnly), settings).Load;

        Assert.AreEqual(LoadModel.Open, load.Model);
        Assert.AreEqual(200.0, load.Rate);
        Assert.AreEqual(1000, load.MaxConcurrency);
        Assert.AreEqual(Arrivals.Uniform, load.Arrivals);
        Assert.AreEqual(42, load.Seed);
        Assert.AreEqual(TimeSpan.Zero, load.Pacing);
        Assert.IsEmpty(load.Stages);
        Assert.AreEqual(TimeSpan.FromSeconds(10), load.Duration);
        Assert.IsTrue(load.IsScheduled);
        Assert.AreEqual(200.0, load.Timeline().TargetAt(TimeSpan.FromSeconds(5)));
        Assert.AreEqual(2000.0, load.Timeline().Total, 1e-9);
    }

    [TestMethod]
    public void Build_OpenModelFullySet_CarriesEveryValueAndScalesOnlyDurations()
    {
        var settings = StressSettings.Default with { DurationScale = 0.5 };

        var load = Plans.Build(typeof(Targets), nameof(Targets.OpenConfigured), settings).Load;

        Assert.AreEqual(LoadModel.Open, load.Model);
        Assert.AreEqual(50.5, load.Rate);
        Assert.AreEqual(8, load.MaxConcurrency);
        Assert.AreEqual(Arrivals.Poisson, load.Arrivals);
        Assert.AreEqual(TimeSpan.FromSeconds(1), load.Duration);
        Assert.AreEqual(TimeSpan.FromMilliseconds(500), load.WarmUp);
        Assert.AreEqual(TimeSpan.FromSeconds(2), load.Timeout);
    }

    [TestMethod]
    public void Build_MaxConcurrencyAtUpperBound_IsAccepted()
    {
        var load = Load(("Rate", 10.0), ("MaxConcurrency", 100_000));

        Assert.AreEqual(100_000, load.MaxConcurrency);
    }

    [TestMethod]
    public void Build_OpenStages_ScalesEachStageAndSumsThemIntoDuration()
    {
        var settings = StressSettings.Default with { DurationScale = 0.1 };

        var load = Plans.Build(typeof(Targets), nameof(Targets.OpenStages), settings).Load;

        Assert.AreEqual(LoadModel.Open, load.Model);
        Assert.AreEqual(0.0, load.Rate);
        Assert.AreSequenceEqual(
            new[] { new Stage(TimeSpan.FromSeconds(1), 100), new Stage(TimeSpan.FromSeconds(2), 100), new Stage(TimeSpan.FromMilliseconds(500), 0) },
            load.Stages.ToArray());
        Assert.AreEqual(TimeSpan.FromMilliseconds(3500), load.Duration);
        var timeline = load.Timeline();
        Assert.AreEqual(load.Duration, timeline.Duration);
        Assert.AreEqual(50.0, timeline.TargetAt(TimeSpan.FromMilliseconds(500)));
        Assert.AreEqual(275.0, timeline.Total, 1e-9, "50 on the ramp up, 200 at 100/s, 25 on the ramp down");
    }

    [TestMethod]
    public void Build_ClosedStages_WorkersAreTheLargestTargetAndDurationTheSum()
    {
        var load = Plans.Build(typeof(Targets), nameof(Targets.ClosedStages)).Load;

        Assert.AreEqual(LoadModel.Closed, load.Model);
        Assert.AreEqual(10, load.Concurrency);
        Assert.AreEqual(TimeSpan.FromSeconds(100), load.Duration);
        Assert.HasCount(3, load.Stages);
        Assert.IsFalse(load.IsScheduled, "unpaced workers run back-to-back");
        Assert.AreEqual(2.0, load.Timeline().TargetAt(TimeSpan.FromSeconds(15)));
    }

    [TestMethod]
    public void Build_ClosedPacing_IsCarriedUnscaledAndMakesTheLoadScheduled()
    {
        var settings = StressSettings.Default with { DurationScale = 0.1 };

        var load = Plans.Build(typeof(Targets), nameof(Targets.ClosedPacing), settings).Load;

        Assert.AreEqual(LoadModel.Closed, load.Model);
        Assert.AreEqual(3, load.Concurrency);
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), load.Pacing, "Pacing is a rate, not a length of run");
        Assert.AreEqual(TimeSpan.FromSeconds(1), load.Duration);
        Assert.IsTrue(load.IsScheduled);
    }

    [TestMethod]
    public void Build_ClosedStagesWithPacing_IsAccepted()
    {
        var load = Plans.Build(typeof(Targets), nameof(Targets.ClosedStagesPaced)).Load;

        Assert.AreEqual(3, load.Concurrency);
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), load.Pacing);
    }

    [TestMethod]
    public void Build_StagesWithWarmUp_WarmUpRampsToTheFirstTargetAndStagesFollow()
    {
        var load = Plans.Build(typeof(Targets), nameof(Targets.OpenStagesWarmUp)).Load;

        var timeline = load.Timeline();

        Assert.AreEqual(TimeSpan.FromSeconds(1), load.WarmUp);
        Assert.AreEqual(TimeSpan.FromSeconds(2), load.Duration);
        Assert.AreEqual(TimeSpan.FromSeconds(3), timeline.Duration);
        Assert.AreEqual(0.0, timeline.TargetAt(TimeSpan.Zero));
        Assert.AreEqual(5.0, timeline.TargetAt(TimeSpan.FromMilliseconds(500)));
        Assert.AreEqual(10.0, timeline.TargetAt(TimeSpan.FromSeconds(1)));
        Assert.AreEqual(10.0, timeline.TargetAt(TimeSpan.FromSeconds(2)), "the first stage starts where the warm-up ended");
    }

    [TestMethod]
    public void Build_ModelOpenWithRate_IsAccepted()
    {
        var load = Plans.Build(typeof(Targets), nameof(Targets.OpenExplicit)).Load;

        Assert.AreEqual(LoadModel.Open, load.Model);
        Assert.AreEqual(5.0, load.Rate);
    }

    private static LoadProfile Load(params (string Name, object? Value)[] arguments)
    {
        var result = Build(arguments);
        Assert.IsTrue(result.IsSuccess, result.Error);
        return result.Value!.Load;
    }

    private static ParseResult<StressPlan> Build(params (string Name, object? Value)[] arguments) =>
        PlanBuilder.Build(
            Plans.Declaration(typeof(Targets), nameof(Targets.Plain), arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal)),
            StressSettings.Default);

    public static class Targets
    {
        [StressTest]
        public static void Plain()
        {
        }

        [StressTest(Rate = 100, Concurrency = 4)]
        public static void RateWithConcurrency()
        {
        }

        [StressTest(Rate = 100, MaxConcurrency = 0)]
        public static void MaxConcurrencyZero()
        {
        }

        [StressTest(Rate = 100, MaxConcurrency = 100_001)]
        public static void MaxConcurrencyTooHigh()
        {
        }

        [StressTest(Concurrency = 2, MaxConcurrency = 10)]
        public static void MaxConcurrencyClosed()
        {
        }

        [StressTest(Pacing = "100ms")]
        public static void PacingWithoutConcurrency()
        {
        }

        [StressTest(Rate = 100, Pacing = "100ms")]
        public static void PacingWithRate()
        {
        }

        [StressTest(Concurrency = 2, Pacing = "0s")]
        public static void PacingZero()
        {
        }

        [StressTest(Concurrency = 2, Pacing = "fast")]
        public static void PacingMalformed()
        {
        }

        [StressTest(Stages = "1s:10", Duration = "5s")]
        public static void StagesWithDuration()
        {
        }

        [StressTest(Stages = "1s:10", Concurrency = 10)]
        public static void StagesWithConcurrency()
        {
        }

        [StressTest(Model = LoadModel.Open, Rate = 100, Stages = "1s:10")]
        public static void StagesWithRate()
        {
        }

        [StressTest(Model = LoadModel.Open)]
        public static void OpenWithoutRate()
        {
        }

        [StressTest(Model = LoadModel.Closed, Rate = 100)]
        public static void ClosedWithRate()
        {
        }

        [StressTest(Model = (LoadModel)7)]
        public static void UnknownModel()
        {
        }

        [StressTest(Rate = 10, Arrivals = (Arrivals)9)]
        public static void UnknownArrivals()
        {
        }

        [StressTest(Arrivals = Arrivals.Poisson)]
        public static void ArrivalsClosed()
        {
        }

        [StressTest(Stages = "1s:2.5")]
        public static void ClosedFractionalStage()
        {
        }

        [StressTest(Stages = "1s:10, 1s:1001")]
        public static void ClosedTooManyWorkers()
        {
        }

        [StressTest(Model = LoadModel.Open, Stages = "1s:1000000.5")]
        public static void OpenRateTooHigh()
        {
        }

        [StressTest(Stages = "1s:0, 2s:0")]
        public static void StagesAllZero()
        {
        }

        [StressTest(Model = LoadModel.Open, Stages = "1s:10", Concurrency = 2)]
        public static void OpenStagesWithConcurrency()
        {
        }

        [StressTest(Rate = 200)]
        public static void RateOnly()
        {
        }

        [StressTest(Rate = 50.5, MaxConcurrency = 8, Arrivals = Arrivals.Poisson, Duration = "2s", WarmUp = "1s", Timeout = "2s")]
        public static void OpenConfigured()
        {
        }

        [StressTest(Model = LoadModel.Open, Stages = "10s:100, 20s:100, 5s:0")]
        public static void OpenStages()
        {
        }

        [StressTest(Stages = "30s:4, 1m:10, 10s:0")]
        public static void ClosedStages()
        {
        }

        [StressTest(Concurrency = 3, Pacing = "250ms")]
        public static void ClosedPacing()
        {
        }

        [StressTest(Stages = "1s:3", Pacing = "250ms")]
        public static void ClosedStagesPaced()
        {
        }

        [StressTest(Model = LoadModel.Open, Stages = "2s:10", WarmUp = "1s")]
        public static void OpenStagesWarmUp()
        {
        }

        [StressTest(Model = LoadModel.Open, Rate = 5)]
        public static void OpenExplicit()
        {
        }
    }
}

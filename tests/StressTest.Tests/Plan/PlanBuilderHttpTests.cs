// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Plan;

/// <summary>The HTTP parts of a plan: <c>AcceptStatus</c> read and validated, and thresholds scoped to a step.</summary>
[TestClass]
public sealed class PlanBuilderHttpTests
{
    [TestMethod]
    public void Build_NoAcceptStatus_Accepts2xxOnly()
    {
        var plan = Plans.Build(typeof(Targets.Plain), nameof(Targets.Plain.Run));

        Assert.AreEqual(StatusCodeSet.Default, plan.AcceptStatus);
        Assert.IsTrue(plan.AcceptStatus.Contains(204));
        Assert.IsFalse(plan.AcceptStatus.Contains(404));
    }

    [TestMethod]
    public void Build_AcceptStatusOnTheAttribute_IsCarriedIntoThePlan()
    {
        var plan = Plans.Build(typeof(Targets.Lookup), nameof(Targets.Lookup.Run));

        Assert.IsTrue(plan.AcceptStatus.Contains(404));
        Assert.IsTrue(plan.AcceptStatus.Contains(200));
        Assert.IsFalse(plan.AcceptStatus.Contains(500));
        Assert.AreEqual(StatusCodeSet.Parse("404, 200-299").Value, plan.AcceptStatus);
    }

    [TestMethod]
    [DataRow("banana", "\"banana\" is not")]
    [DataRow("2xx, 999", "\"999\" in \"2xx, 999\" is outside the status codes 100-599")]
    [DataRow(" ", "is empty")]
    public void Build_BadAcceptStatus_IsAProblemNamingTheAttributeAndValue(string value, string fragment)
    {
        var declaration = Plans.Declaration(typeof(Targets.Plain), nameof(Targets.Plain.Run), Args(("AcceptStatus", value)));

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains($"[StressTest(AcceptStatus = \"{value}\")]: ", result.Error);
        Assert.Contains(fragment, result.Error);
    }

    [TestMethod]
    public void Build_BadAcceptStatusAndOtherBadValues_ReportsEveryProblem()
    {
        var declaration = Plans.Declaration(typeof(Targets.Plain), nameof(Targets.Plain.Run), Args(("AcceptStatus", "abc"), ("Duration", "soon")), "p95 <");

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("[StressTest(AcceptStatus = \"abc\")]", result.Error);
        Assert.Contains("[StressTest(Duration = \"soon\")]", result.Error);
        Assert.Contains("[Threshold]: Threshold \"p95 <\"", result.Error);
    }

    [TestMethod]
    public void Build_ThresholdWithStep_IsScopedToThatStep()
    {
        var plan = Plans.Build(typeof(Targets.Journey), nameof(Targets.Journey.Run));

        Assert.HasCount(3, plan.Thresholds);
        Assert.AreEqual("checkout", plan.Thresholds[0].Step);
        Assert.AreEqual("p95 < 200ms", plan.Thresholds[0].Source);
        Assert.AreEqual("checkout", plan.Thresholds[1].Step);
        Assert.IsNull(plan.Thresholds[2].Step, "a threshold without Step applies to the whole invocation");
    }

    [TestMethod]
    public void Build_StepThresholdOnARunOnlyMetric_IsAProblemNamingTheStep()
    {
        var declaration = Plans.Declaration(typeof(Targets.Plain), nameof(Targets.Plain.Run), Args()) with
        {
            Thresholds = [new ThresholdDeclaration("checks > 99%", "checkout"), new ThresholdDeclaration("p95 < 1s", "")],
        };

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("[Threshold]: Threshold \"checks > 99%\": checks does not apply to a step (Step = \"checkout\")", result.Error);
        Assert.Contains("[Threshold]: Threshold \"p95 < 1s\": Step = \"\" is empty", result.Error);
    }

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static class Targets
    {
        public static class Plain
        {
            [StressTest]
            public static void Run()
            {
            }
        }

        public static class Lookup
        {
            [StressTest(AcceptStatus = "2xx, 404")]
            public static void Run()
            {
            }
        }

        public static class Journey
        {
            [StressTest]
            [Threshold("p95 < 200ms", Step = "checkout")]
            [Threshold("error_rate < 1%", Step = "checkout")]
            [Threshold("checks > 99%")]
            public static void Run()
            {
            }
        }
    }
}

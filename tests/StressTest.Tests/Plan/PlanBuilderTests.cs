// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Plan;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Plan;

/// <summary>Validation of attribute values into a plan: defaults, scaling and every problem reported at once.</summary>
[TestClass]
public sealed class PlanBuilderTests
{
    [TestMethod]
    public void Build_NothingSet_UsesDocumentedDefaults()
    {
        var plan = Plans.Build(typeof(Targets.Defaults), nameof(Targets.Defaults.Run));

        Assert.AreEqual(TimeSpan.FromSeconds(10), plan.Load.Duration);
        Assert.IsTrue(plan.Load.AutoWarmUp, "WarmUp not written: the warm-up is automatic");
        Assert.AreEqual(LoadReader.AutoWarmUpLimit, plan.Load.WarmUp, "its limit");
        Assert.AreEqual(1, plan.Load.Concurrency);
        Assert.AreEqual(TimeSpan.FromSeconds(30), plan.Load.Timeout);
        Assert.AreEqual(StressSettings.Default.ShutdownGrace, plan.Load.ShutdownGrace);
        Assert.IsEmpty(plan.Thresholds);
        Assert.AreEqual("StressTest.Tests.Plan.PlanBuilderTests.Targets.Defaults.Run", plan.FullyQualifiedName);
        Assert.AreEqual("Run", plan.DisplayName);
    }

    [TestMethod]
    public void Build_AllValuesSet_CarriesThemIntoThePlan()
    {
        var plan = Plans.Build(typeof(Targets.Configured), nameof(Targets.Configured.Run));

        Assert.AreEqual(TimeSpan.FromSeconds(2), plan.Load.Duration);
        Assert.AreEqual(TimeSpan.FromMilliseconds(500), plan.Load.WarmUp);
        Assert.AreEqual(8, plan.Load.Concurrency);
        Assert.AreEqual(TimeSpan.FromSeconds(1), plan.Load.Timeout);
        Assert.AreEqual("Configured run", plan.DisplayName);
        Assert.AreSequenceEqual(new[] { "p95 < 150ms", "error_rate < 1%" }, plan.Thresholds.Select(t => t.Source).ToArray());
        Assert.AreEqual(MetricKind.Percentile, plan.Thresholds[0].Metric.Kind);
    }

    [TestMethod]
    public void Build_DurationScale_ScalesDurationAndWarmUpButNotTimeout()
    {
        var settings = StressSettings.Default with { DurationScale = 0.1, ShutdownGrace = TimeSpan.FromMilliseconds(250) };

        var plan = Plans.Build(typeof(Targets.Configured), nameof(Targets.Configured.Run), settings);

        Assert.AreEqual(TimeSpan.FromMilliseconds(200), plan.Load.Duration);
        Assert.AreEqual(TimeSpan.FromMilliseconds(50), plan.Load.WarmUp);
        Assert.AreEqual(TimeSpan.FromSeconds(1), plan.Load.Timeout);
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), plan.Load.ShutdownGrace);
        Assert.AreSame(settings, plan.Settings);
    }

    [TestMethod]
    public void Build_DurationScaleAboveOne_CapsAtOneDay()
    {
        var settings = StressSettings.Default with { DurationScale = 1000 };

        var plan = Plans.Build(typeof(Targets.Configured), nameof(Targets.Configured.Run), settings);

        Assert.AreEqual(TimeSpan.FromMinutes(2000 / 60.0), plan.Load.Duration);
        Assert.AreEqual(TimeSpan.FromMinutes(500 / 60.0), plan.Load.WarmUp);

        var capped = PlanBuilder.Build(
            Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args(("Duration", "20h"))),
            StressSettings.Default with { DurationScale = 2 });
        Assert.IsTrue(capped.IsSuccess, capped.Error);
        Assert.AreEqual(LoadReader.MaxDuration, capped.Value.Load.Duration);
    }

    [TestMethod]
    public void Build_ManyBadValues_ReportsEveryProblemAtOnceNamingAttributeAndValue()
    {
        var result = Plans.TryBuild(typeof(Targets.AllBad), nameof(Targets.AllBad.Run));

        Assert.IsFalse(result.IsSuccess);
        var error = result.Error;
        Assert.Contains("[StressTest(Duration = \"abc\")]", error);
        Assert.Contains("[StressTest(WarmUp = \"-1s\")]", error);
        Assert.Contains("is negative", error);
        Assert.Contains("[StressTest(Timeout = \"0s\")]", error);
        Assert.Contains("Timeout must be greater than zero", error);
        Assert.Contains("[StressTest(Concurrency = 0)]", error);
        Assert.Contains("[Threshold]: ", error);
        Assert.Contains("p95 <", error);
        Assert.Contains("latency < 5ms", error);
        Assert.HasCount(6, error.Split(Environment.NewLine), error);
    }

    [TestMethod]
    [DataRow("Duration", "abc", "[StressTest(Duration = \"abc\")]: \"abc\"")]
    [DataRow("Duration", "0s", "[StressTest(Duration = \"0s\")]: Duration must be greater than zero")]
    [DataRow("Duration", "25h", "[StressTest(Duration = \"25h\")]: \"25h\" is too long; expected at most \"24h\"")]
    [DataRow("Duration", "48h", "[StressTest(Duration = \"48h\")]: \"48h\" is too long; expected at most \"24h\"")]
    [DataRow("Duration", "1000000h", "[StressTest(Duration = \"1000000h\")]: \"1000000h\" is too long; expected at most \"24h\"")]
    [DataRow("Duration", "10d", "[StressTest(Duration = \"10d\")]: \"10d\" has an unknown unit \"d\"")]
    [DataRow("Duration", null, "[StressTest(Duration = null)]: null is not a duration")]
    [DataRow("WarmUp", "1x", "[StressTest(WarmUp = \"1x\")]")]
    [DataRow("WarmUp", "25h", "[StressTest(WarmUp = \"25h\")]: \"25h\" is too long; expected at most \"24h\"")]
    [DataRow("Timeout", "", "[StressTest(Timeout = \"\")]: \"\" is empty")]
    [DataRow("Timeout", "0ms", "[StressTest(Timeout = \"0ms\")]: Timeout must be greater than zero")]
    public void Build_BadDuration_NamesAttributeValueAndProblem(string property, string? value, string expected)
    {
        var declaration = Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args((property, value)));

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith(expected, result.Error);
    }

    [TestMethod]
    [DataRow("auto")]
    [DataRow(" Auto ")]
    public void Build_WarmUpAuto_IsTheAutomaticWarmUp(string written)
    {
        var declaration = Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args(("WarmUp", written)));

        var result = PlanBuilder.Build(declaration, StressSettings.Default with { DurationScale = 0.5 });

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.IsTrue(result.Value.Load.AutoWarmUp);
        Assert.AreEqual(TimeSpan.FromSeconds(15), result.Value.Load.WarmUp, "the limit is scaled like any WarmUp");
        Assert.AreEqual("auto", LoadDescription.Of(result.Value.Load).WarmUp);
    }

    [TestMethod]
    public void Build_ZeroWarmUp_IsAccepted()
    {
        var declaration = Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args(("WarmUp", "0s")));

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(TimeSpan.Zero, result.Value.Load.WarmUp);
        Assert.IsFalse(result.Value.Load.AutoWarmUp, "\"0s\" turns warm-up off");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-1)]
    [DataRow(1_001)]
    [DataRow(10_000)]
    [DataRow(int.MinValue)]
    public void Build_ConcurrencyOutOfRange_IsRejectedWithRange(int concurrency)
    {
        var declaration = Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args(("Concurrency", concurrency)));

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"[StressTest(Concurrency = {concurrency})]", result.Error);
        Assert.Contains("from 1 to 1,000 (the number of workers invoking the method back-to-back; each worker is a dedicated thread; for more invocations in flight use the open model (Rate with MaxConcurrency up to 100,000))", result.Error);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(1_000)]
    public void Build_ConcurrencyAtBounds_IsAccepted(int concurrency)
    {
        var declaration = Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args(("Concurrency", concurrency)));

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(concurrency, result.Value.Load.Concurrency);
    }

    [TestMethod]
    public void Build_BadThresholds_CollectsEachAndKeepsNoPartialPlan()
    {
        var declaration = Plans.Declaration(typeof(Targets.Defaults), nameof(Targets.Defaults.Run), Args(), "p90 < 77ms", "p95 <", null, "latency < 1s");

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        var lines = result.Error.Split(Environment.NewLine);
        Assert.HasCount(3, lines, result.Error);
        Assert.IsTrue(lines.All(l => l.StartsWith("[Threshold]: ", StringComparison.Ordinal)), result.Error);
        Assert.Contains("\"p95 <\"", lines[0]);
        Assert.Contains("empty", lines[1]);
        Assert.Contains("\"latency", lines[2]);
        Assert.DoesNotContain("p90", result.Error);
    }

    [TestMethod]
    [DataRow(nameof(Targets.Signatures.ReturnsInt), "it returns Int32; expected void, Task or ValueTask")]
    [DataRow(nameof(Targets.Signatures.ReturnsTaskOfInt), "it returns Task`1; expected void, Task or ValueTask")]
    [DataRow(nameof(Targets.Signatures.Generic), "it must not be generic")]
    [DataRow(nameof(Targets.Signatures.TakesString), "its parameters (String) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)")]
    [DataRow(nameof(Targets.Signatures.TokenThenContext), "its parameters (CancellationToken, StressContext) are not supported")]
    [DataRow(nameof(Targets.Signatures.ThreeParameters), "its parameters (StressContext, CancellationToken, Int32) are not supported")]
    [DataRow("Private", "it must be public")]
    public void Build_UnsupportedSignature_NamesMethodAndProblem(string method, string expected)
    {
        var result = Plans.TryBuild(typeof(Targets.Signatures), method);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"[StressTest] method Signatures.{method} has an unsupported signature: ", result.Error);
        Assert.Contains(expected, result.Error);
    }

    [TestMethod]
    [DataRow(nameof(Targets.AsyncVoid.Run))]
    [DataRow(nameof(Targets.AsyncVoid.RunWithContext))]
    public void Build_AsyncVoidMethod_IsRejectedSayingWhyAndWhatToReturn(string method)
    {
        var result = Plans.TryBuild(typeof(Targets.AsyncVoid), method);

        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(
            $"[StressTest] method AsyncVoid.{method} has an unsupported signature: it is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task).",
            result.Error);
    }

    [TestMethod]
    public void Build_AsyncTaskAndSyncVoidMethods_AreAccepted()
    {
        Assert.IsTrue(Plans.TryBuild(typeof(Targets.AsyncVoid), nameof(Targets.AsyncVoid.RunTask)).IsSuccess);
        Assert.IsTrue(Plans.TryBuild(typeof(Targets.AsyncVoid), nameof(Targets.AsyncVoid.RunSync)).IsSuccess);
    }

    [TestMethod]
    public void Build_AsyncVoidWorkerSetup_IsRejectedNamingIt()
    {
        var result = Plans.TryBuild(typeof(Targets.AsyncVoidWorkerSetup), nameof(Targets.AsyncVoidWorkerSetup.Run));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("[StressWorkerSetup] method AsyncVoidWorkerSetup.Prepare is not supported: it is async void, which nothing can await", result.Error);
    }

    [TestMethod]
    public void Build_NonPublicClass_IsRejected()
    {
        var result = Plans.TryBuild(typeof(Targets.Hidden), nameof(Targets.Hidden.Run));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("its class Hidden must be public", result.Error);
    }

    [TestMethod]
    public void Build_InstanceMethodWithoutParameterlessConstructor_IsRejected()
    {
        var result = Plans.TryBuild(typeof(Targets.NoDefaultConstructor), nameof(Targets.NoDefaultConstructor.Run));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("its class NoDefaultConstructor needs a public parameterless constructor", result.Error);
    }

    [TestMethod]
    public void Build_StaticMethodWithoutParameterlessConstructor_IsAccepted()
    {
        var plan = Plans.Build(typeof(Targets.NoDefaultConstructor), nameof(Targets.NoDefaultConstructor.RunStatic));

        Assert.IsFalse(plan.Method.NeedsInstance);
    }

    [TestMethod]
    [DataRow(nameof(Targets.StaticClass.Run))]
    [DataRow(nameof(Targets.StaticClass.RunAsync))]
    [DataRow(nameof(Targets.StaticClass.RunValueTask))]
    public void Build_StaticMethodOnStaticClass_IsAccepted(string method)
    {
        var plan = Plans.Build(typeof(Targets.StaticClass), method);

        Assert.IsFalse(plan.Method.NeedsInstance);
        Assert.AreEqual(method, Assignments.MethodOf(plan).MethodName);
        Assert.AreEqual(typeof(Targets.StaticClass).FullName, Assignments.MethodOf(plan).TypeName);
        Assert.AreEqual(typeof(Targets.StaticClass).Assembly.Location, Assignments.MethodOf(plan).AssemblyPath);
    }

    [TestMethod]
    public void Build_BadLifecycleMethods_AreReportedWithTheOtherProblems()
    {
        var declaration = Plans.Declaration(typeof(Targets.TwoSetups), nameof(Targets.TwoSetups.Run), Args(("Duration", "x")));

        var result = PlanBuilder.Build(declaration, StressSettings.Default);

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("[StressTest(Duration = \"x\")]", result.Error);
        Assert.Contains("TwoSetups has 2 [StressSetup] methods", result.Error);
    }

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static class Targets
    {
        public sealed class Defaults
        {
            [StressTest]
            public static void Run()
            {
            }
        }

        public sealed class Configured
        {
            [StressTest(Duration = "2s", WarmUp = "500ms", Concurrency = 8, Timeout = "1s", DisplayName = "Configured run")]
            [Threshold("p95 < 150ms")]
            [Threshold("error_rate < 1%")]
            public static void Run()
            {
            }
        }

        public sealed class AllBad
        {
            [StressTest(Duration = "abc", WarmUp = "-1s", Timeout = "0s", Concurrency = 0)]
            [Threshold("p95 <")]
            [Threshold("latency < 5ms")]
            public static void Run()
            {
            }
        }

        public sealed class Signatures
        {
            [StressTest]
            public static int ReturnsInt() => 0;

            [StressTest]
            public static Task<int> ReturnsTaskOfInt() => Task.FromResult(0);

            [StressTest]
            public static void Generic<T>()
            {
            }

            [StressTest]
            public static void TakesString(string text) => ArgumentNullException.ThrowIfNull(text);

            [StressTest]
            public static void TokenThenContext(CancellationToken token, StressContext context) => ArgumentNullException.ThrowIfNull(context);

            [StressTest]
            public static void ThreeParameters(StressContext context, CancellationToken token, int extra) => ArgumentNullException.ThrowIfNull(context);

            [StressTest]
            private static void Private()
            {
            }
        }

        public sealed class AsyncVoid
        {
            [StressTest]
            public static async void Run() => await Task.Yield();

            [StressTest]
            public static async void RunWithContext(StressContext context, CancellationToken token) => await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, token);

            [StressTest]
            public static async Task RunTask() => await Task.Yield();

            [StressTest]
            public static void RunSync()
            {
            }
        }

        public sealed class AsyncVoidWorkerSetup
        {
            [StressWorkerSetup]
            public async void Prepare() => await Task.Yield();

            [StressTest]
            public void Run()
            {
            }
        }

        internal sealed class Hidden
        {
            [StressTest]
            public static void Run()
            {
            }
        }

        public sealed class NoDefaultConstructor
        {
            public NoDefaultConstructor(int value) => Value = value;

            public int Value { get; }

            [StressTest]
            public void Run()
            {
            }

            [StressTest]
            public static void RunStatic()
            {
            }
        }

        public static class StaticClass
        {
            [StressTest]
            public static void Run()
            {
            }

            [StressTest]
            public static Task RunAsync(StressContext context, CancellationToken cancellationToken) => Task.CompletedTask;

            [StressTest]
            public static ValueTask RunValueTask(CancellationToken cancellationToken) => ValueTask.CompletedTask;
        }

        public sealed class TwoSetups
        {
            [StressSetup]
            public static void First()
            {
            }

            [StressSetup]
            public static void Second()
            {
            }

            [StressTest]
            public static void Run()
            {
            }
        }
    }
}

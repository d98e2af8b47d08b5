// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>STRESS111 (and STRESS109 for <c>async void</c>): <c>[StressSetup]</c>, <c>[StressTeardown]</c>,
/// <c>[StressWorkerSetup]</c>, <c>[StressWorkerTeardown]</c>, reported at the lifecycle attribute.</summary>
[TestClass]
public sealed class LifecycleTests
{
    private const string StaticShape = "must be public static, return void, Task or ValueTask, and take no parameters, a CancellationToken, a StressSetupContext, or (StressSetupContext, CancellationToken).";

    [TestMethod]
    [DataRow("StressSetup", "public void Setup()", "[StressSetup] method Tests.Setup " + StaticShape)]
    [DataRow("StressSetup", "public static void Setup(string text)", "[StressSetup] method Tests.Setup " + StaticShape)]
    [DataRow("StressTeardown", "public static int Setup() => 0; public static void Unused()", "[StressTeardown] method Tests.Setup " + StaticShape)]
    [DataRow("StressWorkerSetup", "public static void Setup()", "[StressWorkerSetup] method Tests.Setup is not supported: it must be a public, non-generic instance method (it runs on each worker's own instance)")]
    [DataRow("StressWorkerTeardown", "public void Setup(int count)", "[StressWorkerTeardown] method Tests.Setup is not supported: its parameters (Int32) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)")]
    public async Task Lifecycle_WrongShape_IsStress111(string attribute, string signature, string message)
    {
        var source = Sources.Method($$"""[{|#0:{{attribute}}|}]""", signature);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS111", 0, message));
    }

    [TestMethod]
    public async Task Lifecycle_EverySupportedShape_IsNotReported()
    {
        const string source = """
            public sealed class Tests
            {
                [StressSetup] public static Task Setup(StressSetupContext setup, CancellationToken ct) => Task.CompletedTask;
                [StressTeardown] public static void Teardown() { }
                [StressWorkerSetup] public ValueTask Prepare(StressContext ctx, CancellationToken ct) => default;
                [StressWorkerTeardown] public void Release() { }
                [StressTest] public void Run() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task Lifecycle_TwoOfAKind_IsStress111AtEach()
    {
        const string source = """
            public sealed class Tests
            {
                [{|#0:StressSetup|}] public static void One() { }
                [{|#1:StressSetup|}] public static void Two() { }
            }
            """;
        const string message = "Tests has 2 [StressSetup] methods (One, Two); expected at most one.";

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS111", 0, message), Verify.Diagnostic("STRESS111", 1, message));
    }

    [TestMethod]
    public async Task Lifecycle_OneInTheBaseClassOneInTheDerived_IsStress111AtTheDerived()
    {
        const string source = """
            public class Base
            {
                [StressTeardown] public static void Clean() { }
            }

            public sealed class Tests : Base
            {
                [{|#0:StressTeardown|}] public static void CleanMore() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS111", 0, "Tests has 2 [StressTeardown] methods (CleanMore, Clean); expected at most one."));
    }

    [TestMethod]
    public async Task Lifecycle_PrivateOneInTheBaseClass_IsNotInherited()
    {
        const string source = """
            public class Base
            {
                [StressSetup] private static void Hidden() { }
            }

            public sealed class Tests : Base
            {
                [StressSetup] public static void Setup() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source.Replace("[StressSetup] private", "[{|#0:StressSetup|}] private", StringComparison.Ordinal),
            Verify.Diagnostic("STRESS111", 0, "[StressSetup] method Base.Hidden " + StaticShape));
    }

    [TestMethod]
    [DataRow("StressSetup", "public static async void Setup()", "[StressSetup] method Tests.Setup is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task).")]
    [DataRow("StressWorkerSetup", "public async void Setup()", "[StressWorkerSetup] method Tests.Setup is not supported: it is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task)")]
    public async Task Lifecycle_AsyncVoid_IsStress109(string attribute, string signature, string message)
    {
        var source = Sources.Method($$"""[{|#0:{{attribute}}|}]""", signature + " { await Task.Yield(); } private static void Unused()");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS109", 0, message));
    }
}

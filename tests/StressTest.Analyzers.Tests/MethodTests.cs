// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>STRESS108–110: the stress-test method and its class, judged by the runtime's MethodRules on Roslyn's
/// view of them, reported at <c>[StressTest]</c>.</summary>
[TestClass]
public sealed class MethodTests
{
    private const string Unsupported = "[StressTest] method Tests.Run has an unsupported signature: ";

    [TestMethod]
    [DataRow("private static void Run()", "it must be public")]
    [DataRow("public static int Run() => 0; public static void Unused()", "it returns Int32; expected void, Task or ValueTask")]
    [DataRow("public static Task<int> Run() => Task.FromResult(0); public static void Unused()", "it returns Task`1; expected void, Task or ValueTask")]
    [DataRow("public static void Run<T>()", "it must not be generic")]
    [DataRow("public static void Run(string text)", "its parameters (String) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)")]
    [DataRow("public static void Run(CancellationToken token, StressContext context)", "its parameters (CancellationToken, StressContext) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)")]
    [DataRow("public static void Run(ref int count)", "its parameters (Int32&) are not supported; expected (), (StressContext), (CancellationToken) or (StressContext, CancellationToken)")]
    public async Task Signature_Unsupported_IsStress108(string signature, string problem)
    {
        var source = Sources.Method("[{|#0:StressTest|}]", signature);

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS108", 0, Unsupported + problem + "."));
    }

    [TestMethod]
    public async Task Signature_EverySupportedShape_IsNotReported()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest] public static void A() { }
                [StressTest] public static Task B(StressContext ctx) => Task.CompletedTask;
                [StressTest] public static ValueTask C(CancellationToken ct) => default;
                [StressTest] public static async Task D(StressContext ctx, CancellationToken ct) => await Task.Yield();
                [StressTest] public void E() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task Signature_Overloaded_IsStress108OnEachOverload()
    {
        const string source = """
            public sealed class Tests
            {
                [{|#0:StressTest|}] public static void Run() { }
                [{|#1:StressTest|}] public static void Run(CancellationToken ct) { }
            }
            """;
        const string message = "[StressTest] method Tests.Run is overloaded (2 methods with [StressTest] share the name); give each stress test its own method name.";

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS108", 0, message), Verify.Diagnostic("STRESS108", 1, message));
    }

    [TestMethod]
    [DataRow("public static async void Run()")]
    [DataRow("public async void Run(StressContext ctx, CancellationToken ct)")]
    public async Task AsyncVoid_StressTest_IsStress109(string signature)
    {
        var source = Sources.Method("[{|#0:StressTest|}]", signature + " { await Task.Yield(); } private static void Unused()");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS109", 0, Unsupported + "it is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task)."));
    }

    [TestMethod]
    public async Task AsyncVoid_AsyncTaskAndSyncVoid_AreNotReported()
    {
        var source = Sources.Method("[StressTest]", "public static async Task Run() { await Task.Yield(); } [StressTest] public static void Sync()");

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }

    [TestMethod]
    public async Task TestClass_NotPublic_IsStress110()
    {
        const string source = """
            internal sealed class Hidden
            {
                [{|#0:StressTest|}]
                public static void Run() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS110", 0, "[StressTest] method Hidden.Run has an unsupported signature: its class Hidden must be public and not an open generic type."));
    }

    [TestMethod]
    public async Task TestClass_OpenGeneric_IsStress110NamedAsReflectionNamesIt()
    {
        const string source = """
            public sealed class Tests<T>
            {
                [{|#0:StressTest|}]
                public static void Run() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS110", 0, "[StressTest] method Tests`1.Run has an unsupported signature: its class Tests`1 must be public and not an open generic type."));
    }

    [TestMethod]
    public async Task TestClass_InstanceMethodWithoutParameterlessConstructor_IsStress110()
    {
        const string source = """
            public sealed class Tests
            {
                public Tests(int value) { }

                [{|#0:StressTest|}]
                public void Run() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS110", 0, "[StressTest] method Tests.Run has an unsupported signature: its class Tests needs a public parameterless constructor (each worker creates its own instance)."));
    }

    [TestMethod]
    public async Task TestClass_StaticMethodWithWorkerSetupWithoutParameterlessConstructor_IsStress110()
    {
        const string source = """
            public sealed class Tests
            {
                private Tests() { }

                [StressWorkerSetup]
                public void Prepare() { }

                [{|#0:StressTest|}]
                public static void Run() { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source, Verify.Diagnostic("STRESS110", 0, "[StressTest] method Tests.Run has an unsupported signature: its class Tests needs a public parameterless constructor (each worker creates its own instance for its [StressWorkerSetup]/[StressWorkerTeardown])."));
    }

    [TestMethod]
    public async Task TestClass_InstantiableOrNeverInstantiated_IsNotReported()
    {
        const string source = """
            public sealed class NoConstructor
            {
                public NoConstructor(int value) { }

                [StressTest] public static void Run() { }
            }

            public static class StaticClass
            {
                [StressTest] public static Task Run() => Task.CompletedTask;
            }

            public abstract class Base
            {
                protected Base(int value) { }

                [StressTest] public void Run() { }
            }

            public sealed class Derived : Base
            {
                public Derived() : base(1) { }
            }
            """;

        await Verify.AnalyzerAsync<StressTestAnalyzer>(source);
    }
}

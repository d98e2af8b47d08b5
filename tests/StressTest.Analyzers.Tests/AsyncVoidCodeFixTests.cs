// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.CodeFixes;
using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>STRESS109's fix: <c>async void</c> → <c>async Task</c>.</summary>
[TestClass]
public sealed class AsyncVoidCodeFixTests
{
    [TestMethod]
    public async Task AsyncVoidStressTest_BecomesAsyncTask()
    {
        const string source = """
            public sealed class Tests
            {
                [{|STRESS109:StressTest|}]
                public static async void Run(StressContext ctx)
                {
                    await Task.Yield();
                }
            }
            """;
        const string fixedSource = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run(StressContext ctx)
                {
                    await Task.Yield();
                }
            }
            """;

        await Verify.CodeFixAsync<StressTestAnalyzer, AsyncVoidCodeFix>(source, fixedSource);
    }

    [TestMethod]
    public async Task AsyncVoidSetup_BecomesAsyncTask()
    {
        const string source = """
            public sealed class Tests
            {
                [{|STRESS109:StressSetup|}]
                public static async void Setup() => await Task.Yield();
            }
            """;
        const string fixedSource = """
            public sealed class Tests
            {
                [StressSetup]
                public static async Task Setup() => await Task.Yield();
            }
            """;

        await Verify.CodeFixAsync<StressTestAnalyzer, AsyncVoidCodeFix>(source, fixedSource);
    }
}

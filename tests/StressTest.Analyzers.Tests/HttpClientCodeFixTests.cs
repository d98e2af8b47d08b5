// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.CodeFixes;
using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>STRESS112's fix: <c>new HttpClient()</c> → <c>ctx.Http</c>, without disposing the run's client.</summary>
[TestClass]
public sealed class HttpClientCodeFixTests
{
    [TestMethod]
    public async Task UsingDeclaration_BecomesAPlainOneOnCtxHttp()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run(StressContext context, CancellationToken ct)
                {
                    using var http = {|STRESS112:new HttpClient()|};
                    await http.GetAsync("items/1", ct);
                }
            }
            """;
        const string fixedSource = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run(StressContext context, CancellationToken ct)
                {
                    var http = context.Http;
                    await http.GetAsync("items/1", ct);
                }
            }
            """;

        await Verify.CodeFixAsync<HttpClientAnalyzer, HttpClientCodeFix>(source, fixedSource);
    }

    [TestMethod]
    public async Task UsingStatement_BecomesItsBodyOnCtxHttp()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run(StressContext ctx)
                {
                    using (var http = {|STRESS112:new HttpClient()|})
                    {
                        await http.GetAsync("items/1");
                    }
                }
            }
            """;
        const string fixedSource = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run(StressContext ctx)
                {
                    var http = ctx.Http;
                    await http.GetAsync("items/1");
                }
            }
            """;

        await Verify.CodeFixAsync<HttpClientAnalyzer, HttpClientCodeFix>(source, fixedSource);
    }

    [TestMethod]
    public async Task MethodWithoutContext_GetsOneFirst()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest]
                public static Task Run(CancellationToken ct) => {|STRESS112:new HttpClient()|}.GetAsync("items/1", ct);
            }
            """;
        const string fixedSource = """
            public sealed class Tests
            {
                [StressTest]
                public static Task Run(StressContext ctx, CancellationToken ct) => ctx.Http.GetAsync("items/1", ct);
            }
            """;

        await Verify.CodeFixAsync<HttpClientAnalyzer, HttpClientCodeFix>(source, fixedSource);
    }

    [TestMethod]
    public async Task ConfiguredClient_GetsNoFix()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest]
                public static void Run(StressContext ctx)
                {
                    var http = {|STRESS112:new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5000/") }|};
                    http.Dispose();
                }
            }
            """;

        await Verify.CodeFixAsync<HttpClientAnalyzer, HttpClientCodeFix>(source, source);
    }
}

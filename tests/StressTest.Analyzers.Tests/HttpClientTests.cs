// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Analyzers.Tests.TestSupport;

namespace StressTest.Analyzers.Tests;

/// <summary>STRESS112: <c>new HttpClient()</c> inside a stress-test method.</summary>
[TestClass]
public sealed class HttpClientTests
{
    private const string Message = "'new HttpClient()' inside stress test Run is neither measured per endpoint nor held to the host guard, and a client per invocation exhausts sockets; use ctx.Http (StressContext.Http)";

    [TestMethod]
    public async Task NewHttpClient_InStressTest_IsStress112()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run(CancellationToken ct)
                {
                    using var http = {|#0:new HttpClient()|};
                    await http.GetAsync("http://127.0.0.1/", ct);
                }
            }
            """;

        await Verify.AnalyzerAsync<HttpClientAnalyzer>(source, Verify.Diagnostic("STRESS112", 0, Message));
    }

    [TestMethod]
    public async Task NewHttpClient_InALambdaAndALocalFunctionOfAStressTest_IsStress112()
    {
        const string source = """
            public sealed class Tests
            {
                [StressTest]
                public static async Task Run()
                {
                    Func<HttpClient> make = () => {|#0:new HttpClient(new HttpClientHandler())|};
                    HttpClient Local() => {|#1:new HttpClient()|};
                    await Task.Yield();
                    make().Dispose();
                    Local().Dispose();
                }
            }
            """;

        await Verify.AnalyzerAsync<HttpClientAnalyzer>(source, Verify.Diagnostic("STRESS112", 0, Message), Verify.Diagnostic("STRESS112", 1, Message));
    }

    [TestMethod]
    public async Task NewHttpClient_OutsideStressTests_AndCtxHttp_AreNotReported()
    {
        const string source = """
            public sealed class Tests
            {
                private static readonly HttpClient Shared = new HttpClient();

                [StressSetup]
                public static void Setup()
                {
                    using var http = new HttpClient();
                }

                public static HttpClient Helper() => new HttpClient();

                [StressTest]
                public static async Task Run(StressContext ctx, CancellationToken ct)
                {
                    using var response = await ctx.Http.GetAsync("items/1", ct);
                }
            }
            """;

        await Verify.AnalyzerAsync<HttpClientAnalyzer>(source);
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Fixtures;

/// <summary>Tests that fail on purpose, each with one kind of error the report must name.</summary>
public class FailingHttpStressTests
{
    [StressSetup]
    public static async Task StartApiAsync(StressSetupContext setup, CancellationToken cancellationToken) =>
        setup.BaseAddress = await FixtureApi.StartAsync(cancellationToken);

    /// <summary>The method ignores the status: the 500s still make every invocation an error.</summary>
    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2)]
    public async Task ServerErrors(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("fail", UriKind.Relative), ctx.CancellationToken);
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2)]
    public async Task ConnectionCutMidResponse(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("reset", UriKind.Relative), ctx.CancellationToken);
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2, Timeout = "200ms")]
    public async Task NeverAnswers(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("hang", UriKind.Relative), ctx.CancellationToken);
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2)]
    public async Task SecretsInMessages(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("products/1?api_key=hunter2", UriKind.Relative), ctx.CancellationToken);
        throw new InvalidOperationException($"Call to {response.RequestMessage!.RequestUri} failed; sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.secret-part and password=swordfish");
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 1)]
    public async Task OutsideAllowedHosts(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("http://stress-not-allowed.example/"), ctx.CancellationToken);
    }

    /// <summary>Every third invocation fails an MSTest assertion.</summary>
    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2)]
    [Threshold("checks > 99%")]
    [Threshold("error_rate < 50%")]
    public async Task AssertionsFail(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("products/1", UriKind.Relative), ctx.CancellationToken);
        Assert.AreNotEqual(0L, ctx.Iteration % 3, "every third invocation is wrong");
    }

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 1)]
    [Threshold("p95 < 1s", Step = "chekout")]
    public Task UnknownStep(StressContext ctx) =>
        ctx.Step("checkout", () => ctx.Http.GetStringAsync(new Uri("products", UriKind.Relative), ctx.CancellationToken));
}

/// <summary>The server is down: the base address is a closed port.</summary>
public class RefusedHttpStressTests
{
    [StressSetup]
    public static void PointAtClosedPort(StressSetupContext setup) => setup.BaseAddress = FixtureApi.ClosedAddress();

    [StressTest(Duration = "1s", WarmUp = "0s", Concurrency = 2)]
    public async Task ServerDown(StressContext ctx)
    {
        using var response = await ctx.Http.GetAsync(new Uri("products", UriKind.Relative), ctx.CancellationToken);
    }
}

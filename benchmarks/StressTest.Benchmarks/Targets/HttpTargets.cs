// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Targets;

/// <summary>
/// The HTTP benchmark's stress test: one GET of the "hello" endpoint per invocation, written as a user would write it.
/// The benchmark sets Duration, WarmUp, Concurrency and the BaseUrl setting per run.
/// </summary>
public static class HttpTargets
{
    /// <summary>Closed model through the real engine: <c>StressContext.Http</c>, the engine's pooled client.</summary>
    [StressTest]
    public static Task GetHello(StressContext ctx) => GetAsync(ctx.Http, ctx.CancellationToken);

    /// <summary>
    /// The one request every .NET generator of the benchmark sends (the engine's target above and the bare
    /// <c>HttpClient</c> loop), so that they differ only in what drives it: read the whole response, check the
    /// status, read the body, as a typical test does. <c>GetAsync</c> has already buffered the body (5 bytes), so reading
    /// it costs one small array.
    /// </summary>
    public static async Task GetAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync("/", cancellationToken);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}

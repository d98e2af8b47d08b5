// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HostileFixture;

/// <summary>Invocations that outlive the run (item 7 of issue 16): the ones that honour their token are cut off, the
/// ones that ignore it are stuck, and only those are said to ignore it.</summary>
public static class TokenStressTests
{
    [StressTest(WarmUp = "0s", Duration = "1s", Concurrency = 2)]
    public static Task OutlivesRunHonoursToken(CancellationToken ct) => Task.Delay(TimeSpan.FromSeconds(20), TimeProvider.System, ct);

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static Task OutlivesRunIgnoresToken() => Task.Delay(TimeSpan.FromSeconds(20), TimeProvider.System);

    [StressTest(WarmUp = "0s", Duration = "1s", Timeout = "100ms")]
    public static Task TimesOut(CancellationToken ct) => Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, ct);
}

/// <summary>HTTP to a port that accepts and never answers, with the default Timeout: cut off, not "ignores its token".</summary>
public static class BlackHoleStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.BaseAddress = HostileApi.BlackHole();

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async Task BlackHoledHttp(StressContext ctx, CancellationToken ct)
    {
        using var response = await ctx.Http.GetAsync("never", ct);
    }
}

/// <summary>A method that blocks thread-pool threads at 200 arrivals/s (item 5 of issue 16): the run still ends on
/// time and the verdict names the starvation as the test's own.</summary>
public static class StarvationStressTests
{
    [StressTest(WarmUp = "0s", Duration = "5s", Rate = 200)]
    public static async Task StarvesThePool()
    {
        await Task.Yield();
        Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System).Wait();
    }
}

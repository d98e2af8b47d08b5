// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HostileFixture;

/// <summary>Method shapes and attribute values a careless or hostile user writes (items 1, 6, 13 of issue 16).</summary>
public sealed class ShapeStressTests
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async void AsyncVoid()
    {
        await Task.Yield();
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static async void AsyncVoidThrows()
    {
        await Task.Yield();
        throw new InvalidOperationException("async void boom");
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static Task NullTaskReturned() => null!;

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void MessageGetterThrows() => throw new HostileException();

    [StressTest(WarmUp = "0s", Duration = "48h")]
    public static void Duration48h()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1000000h")]
    public static void Duration1000000h()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("p95 < NaNms")]
    public static void ThresholdNaN()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s", Concurrency = 10000)]
    public static Task ConcurrencyTenThousand(CancellationToken ct) => Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, ct);

    [StressTest(WarmUp = "0s", Stages = "1s:2000")]
    public static void StagesTooManyWorkers()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void StepNumber101(StressContext ctx)
    {
        for (var i = 0; i <= 100; i++)
        {
            ctx.Step("step-" + i, () => { });
        }
    }

    /// <summary>An exception whose Message getter throws: it must still count as an error.</summary>
    private sealed class HostileException : Exception
    {
        public override string Message => throw new InvalidOperationException("no message for you");
    }
}

/// <summary>A class whose [StressWorkerSetup] is async void.</summary>
public sealed class AsyncVoidWorkerSetupStressTests
{
    [StressWorkerSetup]
    public async void WorkerSetup()
    {
        await Task.Yield();
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void AsyncVoidWorkerSetup()
    {
    }
}

/// <summary>A class whose [StressSetup] is async void.</summary>
public static class AsyncVoidSetupStressTests
{
    [StressSetup]
    public static async void Setup()
    {
        await Task.Yield();
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void AsyncVoidSetup()
    {
    }
}

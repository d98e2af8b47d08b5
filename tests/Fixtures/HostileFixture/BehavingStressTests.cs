// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HostileFixture;

/// <summary>Bad input that was already handled well before issue 16, kept here so it stays so, and the cases that pass.</summary>
public static class BehavingStressTests
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void ValidPasses()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void Throws() => throw new InvalidOperationException("the method failed");

    [StressTest(WarmUp = "0s", Duration = "abc")]
    public static void DurationNotADuration()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "-1s")]
    public static void DurationNegative()
    {
    }

    [StressTest(WarmUp = "soon")]
    public static void WarmUpNotADuration()
    {
    }

    [StressTest(WarmUp = "0s", Timeout = "0ms")]
    public static void TimeoutZero()
    {
    }

    [StressTest(WarmUp = "0s", Concurrency = 0)]
    public static void ConcurrencyZero()
    {
    }

    [StressTest(WarmUp = "0s", Rate = 10, Concurrency = 2)]
    public static void RateWithConcurrency()
    {
    }

    [StressTest(WarmUp = "0s", Rate = 10, Pacing = "100ms")]
    public static void PacingInOpenModel()
    {
    }

    [StressTest(WarmUp = "0s", Rate = 10, MaxConcurrency = 0)]
    public static void MaxConcurrencyZero()
    {
    }

    [StressTest(WarmUp = "0s", Stages = "1s:10, oops")]
    public static void StagesMalformed()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s", AcceptStatus = "2xx, teapot")]
    public static void AcceptStatusBad()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("p42x < 5ms")]
    public static void ThresholdUnknownMetric()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("p95 = 5ms")]
    public static void ThresholdBadOperator()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("p95 < 200ms", Step = "chekout")]
    public static void ThresholdUnknownStep(StressContext ctx) => ctx.Step("checkout", () => { });

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static int ReturnsInt() => 1;

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void TakesString(string value) => _ = value;

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void Generic<T>()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    private static void PrivateMethod()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void Overloaded()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void Overloaded(CancellationToken ct) => _ = ct;

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("p95 < baseline + 10%")]
    public static void NoBaselineFails()
    {
    }

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("error_rate < 100%")]
    public static Task TolerantOfErrors(StressContext ctx) => ctx.Iteration % 2 == 0 ? Task.FromException(new InvalidOperationException("every other one")) : Task.CompletedTask;

    /// <summary>The static method called by <see cref="PrivateMethod"/>'s neighbours; keeps the analyzer from
    /// calling the private test unused.</summary>
    internal static void Touch() => PrivateMethod();
}

/// <summary>An instance test on a class without a parameterless constructor.</summary>
public sealed class NoDefaultConstructorStressTests(int seed)
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void NeedsInstance() => _ = seed;
}

/// <summary>A setup that throws: no load, teardown still runs.</summary>
public static class SetupThrowsStressTests
{
    [StressSetup]
    public static void Setup() => throw new InvalidOperationException("no database");

    [StressTeardown]
    public static void Teardown() => StressTest.Fixtures.Markers.Write("SetupThrows.teardown");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SetupThrows()
    {
    }
}

/// <summary>A teardown that throws after a passing load.</summary>
public static class TeardownThrowsStressTests
{
    [StressTeardown]
    public static void Teardown() => throw new IOException("could not delete the test data");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void TeardownThrows()
    {
    }
}

/// <summary>A worker setup that throws: no load.</summary>
public sealed class WorkerSetupThrowsStressTests
{
    [StressWorkerSetup]
    public void WorkerSetup() => throw new InvalidOperationException("no login");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void WorkerSetupThrows()
    {
    }
}

/// <summary>A setup that skips the test.</summary>
public static class SetupSkipsStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Skip("no database on this machine");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SetupSkips()
    {
    }
}

/// <summary>A feeder over a file that is not there: the setup fails before the load.</summary>
public static class MissingFeederFileStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Set(StressTest.Data.Feeder.FromCsv("no-such-file.csv", StressTest.Data.FeedStrategy.Circular));

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void MissingFeederFile()
    {
    }
}

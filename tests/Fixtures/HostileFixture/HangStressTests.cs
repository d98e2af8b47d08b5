// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace HostileFixture;

// Every lifecycle method that hangs (item 2 of issue 16): with the fixture's LifecycleTimeout of 1 s and ShutdownGrace of
// 0.5 s, each is cancelled, then abandoned, the test fails naming it, and the run goes on. Teardowns write markers.

public static class SetupHangsStressTests
{
    [StressSetup]
    public static Task Setup(CancellationToken ct) => Block.UntilCancelledAsync(ct);

    [StressTeardown]
    public static void Teardown() => Markers.Write("SetupHangs.teardown");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SetupHangs()
    {
    }
}

public static class SetupIgnoresTokenStressTests
{
    [StressSetup]
    public static void Setup() => Block.Forever();

    [StressTeardown]
    public static void Teardown() => Markers.Write("SetupIgnoresToken.teardown");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SetupIgnoresToken()
    {
    }
}

public static class TeardownHangsStressTests
{
    [StressTeardown]
    public static Task Teardown(CancellationToken ct) => Block.UntilCancelledAsync(ct);

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void TeardownHangs()
    {
    }
}

public sealed class WorkerSetupHangsStressTests
{
    [StressWorkerSetup]
    public Task WorkerSetup(CancellationToken ct) => Block.UntilCancelledAsync(ct);

    [StressTest(WarmUp = "0s", Duration = "1s", Concurrency = 2)]
    public void WorkerSetupHangs()
    {
    }
}

public sealed class WorkerTeardownIgnoresTokenStressTests
{
    [StressWorkerTeardown]
    public void WorkerTeardown() => Block.Forever();

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void WorkerTeardownIgnoresToken()
    {
    }
}

public sealed class DisposeHangsStressTests : IDisposable
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void DisposeHangs()
    {
    }

    public void Dispose() => Block.Forever();
}

public sealed class ConstructorHangsStressTests
{
    public ConstructorHangsStressTests() => Block.Forever();

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void ConstructorHangs()
    {
    }
}

public static class DataDisposeHangsStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Set(new HangingResource());

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void DataDisposeHangs()
    {
    }

    public sealed class HangingResource : IDisposable
    {
        public void Dispose() => Block.Forever();
    }
}

public static class DependencyReaderHangsStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.ReportDependency("database", () =>
    {
        Block.Forever();
        return new Dictionary<string, long>();
    });

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void DependencyReaderHangs()
    {
    }
}

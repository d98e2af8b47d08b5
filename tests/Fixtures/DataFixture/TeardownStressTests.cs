// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace DataFixture;

/// <summary>Setup throws after handing over a value: no worker is set up, no load runs, teardown still runs.</summary>
public sealed class FailingSetupDataStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup)
    {
        setup.Set(new List<int> { 1, 2, 3 });
        throw new InvalidOperationException("seeding failed on purpose");
    }

    [StressTeardown]
    public static void Teardown(StressSetupContext setup) =>
        Markers.Write(setup.TryGet<List<int>>(out var seeded) && seeded.Count == 3 ? "FailingSetup.teardown-saw-seeded" : "FailingSetup.teardown");

    [StressWorkerSetup]
    public void WorkerSetup() => Markers.Write("FailingSetup.worker-setup");

    [StressTest(Duration = "300ms")]
    public void NeverRuns() => Markers.Write("FailingSetup.invoked");
}

/// <summary>Every invocation throws: the test fails, and the workers and the class still tear down.</summary>
public sealed class FailingMethodStressTests
{
    [StressTeardown]
    public static void Teardown() => Markers.Write("FailingMethod.teardown");

    [StressWorkerTeardown]
    public void WorkerTeardown(StressContext ctx) => Markers.Write($"FailingMethod.worker-teardown-{ctx.WorkerId}");

    [StressTest(Duration = "300ms", Concurrency = 2)]
    public void AlwaysFails() => throw new InvalidOperationException("the method fails on purpose");
}

/// <summary>A long test for the cancel test: workers and the class tear down after Test Explorer's cancel.</summary>
public sealed class CancelledDataStressTests
{
    [StressSetup]
    public static void Setup() => Markers.Write("Cancelled.setup");

    [StressTeardown]
    public static void Teardown() => Markers.Write("Cancelled.teardown");

    [StressWorkerTeardown]
    public void WorkerTeardown(StressContext ctx) => Markers.Write($"Cancelled.worker-teardown-{ctx.WorkerId}");

    [StressTest(Duration = "30s", Concurrency = 2)]
    public async Task RunsLongWithWorkers(CancellationToken ct) => await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, ct);
}

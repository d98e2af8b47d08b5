// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Fixtures;

namespace DataFixture;

/// <summary>Setup hands a value to the workers; each worker sets up its own instance before the load and tears it
/// down after; every step leaves a marker.</summary>
public sealed class WorkerLifecycleStressTests
{
    private string? _token;

    public sealed record Greeting(string Text);

    [StressSetup]
    public static void Setup(StressSetupContext setup)
    {
        setup.Set(new Greeting("hello " + setup.RunId));
        Markers.Write("WorkerLifecycle.setup");
    }

    [StressTeardown]
    public static void Teardown(StressSetupContext setup)
    {
        Markers.Write("WorkerLifecycle.teardown");
        if (setup.Get<Greeting>().Text != "hello " + setup.RunId)
        {
            Markers.Write("WorkerLifecycle.teardown-saw-wrong-data");
        }
    }

    [StressWorkerSetup]
    public async Task LogInAsync(StressContext ctx, CancellationToken ct)
    {
        await Task.Yield();
        _token = $"token-{ctx.WorkerId}";
        Markers.Write($"WorkerLifecycle.worker-setup-{ctx.WorkerId}");
    }

    [StressWorkerTeardown]
    public void LogOut(StressContext ctx) => Markers.Write($"WorkerLifecycle.worker-teardown-{ctx.WorkerId}");

    /// <summary>Throws unless its worker's setup ran on this instance and setup's value arrived.</summary>
    [StressTest(Duration = "500ms", Concurrency = 2)]
    public void UsesWorkerState(StressContext ctx)
    {
        if (_token != $"token-{ctx.WorkerId}" || ctx.Get<Greeting>().Text != "hello " + ctx.RunId)
        {
            throw new InvalidOperationException("the worker's setup or the run's data did not arrive");
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers;

/// <summary>
/// A load model at work inside an agent: it owns the threads that start invocations and the slots they run in.
/// One implementation per model (<see cref="ClosedModelExecutor"/>, <see cref="OpenModelExecutor"/>), as k6 keeps
/// one executor per file; the agent around them does the same for every model (timeline, intervals, watchdog,
/// shutdown grace).
/// </summary>
internal interface ILoadExecutor
{
    /// <summary>How many threads report ready and exited to the run.</summary>
    int ThreadCount { get; }

    /// <summary>Every slot an invocation can run in (for the timeout watchdog and the stuck count); complete once
    /// the run reports all threads ready.</summary>
    IReadOnlyList<InvocationSlot> Slots { get; }

    /// <summary>Invocations in flight now.</summary>
    int InFlight { get; }

    /// <summary>Completes when no invocation will start any more and none is in flight (workers' teardown and Dispose
    /// may still be running).</summary>
    Task Drained { get; }

    /// <summary>Starts the threads; each prepares its instances and reports ready to the run.</summary>
    void Start();

    /// <summary>Moves what was recorded since the last harvest into <paramref name="target"/> (agent thread only).</summary>
    void HarvestInto(IntervalAccumulator target);

    /// <summary>Releases what the executor still holds (instances not disposed by their threads) after the drain.</summary>
    void Complete();
}

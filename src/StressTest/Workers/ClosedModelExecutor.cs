// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Workers.Binding;

namespace StressTest.Workers;

/// <summary>The closed model: Concurrency workers on dedicated threads (ramped by Stages, paced by Pacing).</summary>
internal sealed class ClosedModelExecutor : ILoadExecutor
{
    private readonly LoadRun _run;
    private readonly List<Worker> _workers;

    public ClosedModelExecutor(LoadRun run, MethodBinding binding, int firstWorkerId, int workerCount)
    {
        _run = run;
        _workers = Enumerable.Range(firstWorkerId, workerCount).Select(id => new Worker(id, run, binding)).ToList();
    }

    public int ThreadCount => _workers.Count;

    public IReadOnlyList<InvocationSlot> Slots => _workers.Select(w => w.Slot).OfType<InvocationSlot>().ToList();

    public int InFlight => _workers.Count(w => w.Slot?.IsInFlight == true);

    public Task Drained => _run.AllDrained;

    public void Start() => _workers.ForEach(w => w.Start());

    public void HarvestInto(IntervalAccumulator target) => _workers.ForEach(w => w.HarvestInto(target));

    public void Complete()
    {
        // Each worker disposes its own instance on its own thread.
    }
}

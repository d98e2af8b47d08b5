// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Workers.Binding;

namespace StressTest.Workers;

/// <summary>
/// A closed-model worker: a dedicated thread that owns an instance of the test class and invokes the method
/// back-to-back, or every Pacing when paced, while the load's target counts it among the active workers.
/// </summary>
/// <remarks>
/// Dedicated threads rather than the thread pool: a pool starved by the API under test (running in the same
/// process) would delay invocations and the delay would be blamed on the API. Each worker records into its own
/// <see cref="MeasurementSink"/>, created on this thread so its histograms are allocated and first touched by the
/// thread that writes them (shared cache lines cost about twice per record, PERF-FACTS).
/// </remarks>
internal sealed class Worker
{
    private readonly LoadRun _run;
    private readonly MethodBinding _binding;
    private readonly Thread _thread;
    private MeasurementSink? _sink;

    public Worker(int id, LoadRun run, MethodBinding binding)
    {
        Id = id;
        _run = run;
        _binding = binding;
        _thread = new Thread(Run) { IsBackground = true, Name = $"StressTest worker {id}" };
    }

    public int Id { get; }

    /// <summary>Set once the worker's thread has created it (before the worker reports ready).</summary>
    public InvocationSlot? Slot { get; private set; }

    public void Start() => _thread.Start();

    public void HarvestInto(IntervalAccumulator target) => _sink?.HarvestInto(target);

    private void Run()
    {
        object? instance = null;
        try
        {
            _run.EnterPhase(Id, $"The constructor of {_binding.Method.ReflectedType?.Name}");
            instance = _binding.CreateInstance();
            _run.LeavePhase(Id);
            _sink = new MeasurementSink(concurrentWriters: false, scheduled: _run.Load.IsScheduled);
            Slot = new InvocationSlot(Id, _run, _sink) { Invoke = _binding.BindTo(instance) };
        }
        catch (Exception ex)
        {
            _run.LeavePhase(Id);
            _run.ReportStartFailure($"Creating an instance of {_binding.Method.ReflectedType?.Name} for worker {Id} failed: {ErrorText.Describe(ex)}");
            _run.ReportReady();
            _run.ReportDrained();
            DisposeAndExit(instance);
            return;
        }

        if (!SlotLifecycle.SetUp(_binding, instance, Slot))
        {
            _run.ReportReady();
            _run.ReportDrained();
            TearDownDisposeAndExit(instance);
            return;
        }

        try
        {
            _run.ReportReady();
            _run.WaitForStart();
            if (!_run.IsStopping)
            {
                if (_binding.IsAsync && _run.Load.Pacing == TimeSpan.Zero && _run.Load.Stages.Count == 0)
                {
                    using var chain = new InvocationChain(_run, Slot);
                    chain.Run();
                }
                else
                {
                    using var waiter = _run.CreateWaiter();
                    Loop(Slot, waiter);
                }
            }
        }
        catch (Exception ex)
        {
            // The user's exceptions never get here (the slot records them): this is a defect of ours, reported as one.
            _run.ReportProblem($"Worker {Id} stopped early: {ErrorText.Describe(ex)}");
        }
        finally
        {
            // No invocation starts any more: the agent takes the last interval now, before teardown and Dispose run.
            _run.ReportDrained();
            TearDownDisposeAndExit(instance);
        }
    }

    /// <summary>The worker's [StressWorkerTeardown] (even after its setup failed), then its instance's Dispose.</summary>
    private void TearDownDisposeAndExit(object? instance)
    {
        SlotLifecycle.TearDown(_binding, instance, Slot);
        DisposeAndExit(instance);
    }

    private void DisposeAndExit(object? instance)
    {
        SlotLifecycle.Dispose(_run, Id, instance, $"worker {Id}");
        _run.ReportExited();
    }

    private void Loop(InvocationSlot slot, ThreadWaiter waiter)
    {
        var run = _run;
        var time = run.Time;
        var pacing = run.ToTicks(run.Load.Pacing);
        var ramping = run.Load.Stages.Count > 0;
        long iteration = 0;
        var next = run.StartTimestamp; // the paced schedule: this worker's next intended start
        while (!run.IsStopping)
        {
            // Read each turn: an automatic warm-up fixes the window's end only when it ends.
            var end = run.MeasureEnd;
            var now = time.GetTimestamp();
            if (now >= end)
            {
                break;
            }

            if (ramping && run.TargetAt(now) < Id + 1)
            {
                // Not among the active workers now: sleep until the ramp reaches this worker, then start afresh.
                var active = run.WhenTargetReaches(Id + 1, now);
                if (active is null || !waiter.WaitUntil(Math.Min(end, active.Value), untilWarm: run.IsWarmingUp))
                {
                    break;
                }

                next = time.GetTimestamp();
                continue;
            }

            var intended = now;
            if (pacing > 0)
            {
                if (next > now)
                {
                    // Early: wait for the paced start, then look again (the window's end, the ramp) as of then: a
                    // ramp going down may no longer count this worker among the active ones.
                    if (next >= end || !waiter.WaitUntil(next))
                    {
                        break;
                    }

                    continue;
                }

                // Keep the schedule even when late: latency from the intended start charges the delay to the
                // invocation that caused it, instead of silently slowing the load (coordinated omission).
                intended = next;
                next += pacing;
            }

            slot.RunBlocking(intended, iteration++, startsAtIntended: pacing == 0);
        }
    }
}

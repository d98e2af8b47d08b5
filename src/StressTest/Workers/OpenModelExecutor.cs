// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Load;
using StressTest.Workers.Binding;

namespace StressTest.Workers;

/// <summary>
/// The open model: one dedicated pacer thread starts invocations on the arrival schedule, whatever earlier ones are
/// doing, each in a free slot of a pool of MaxConcurrency slots. An arrival that finds no free slot is dropped and
/// counted, never silently delayed (k6's arrival-rate executors).
/// </summary>
/// <remarks>
/// <para>An asynchronous method is started on the pacer thread and left running: the pacer only pays for its
/// synchronous part and goes on to the next arrival, and the completion is recorded on whichever thread completes
/// it. So thousands of invocations can be in flight without a thread each. The slot pool is a lock-free stack with
/// a single popper (the pacer), which makes it free of ABA; taking and returning a slot allocates nothing.</para>
/// <para>A synchronous (<c>void</c>) method cannot be left running, so each slot it runs in gets a dedicated thread,
/// created the first time the slot is used: at most as many threads as invocations were ever in flight.</para>
/// </remarks>
internal sealed class OpenModelExecutor : ILoadExecutor
{
    /// <summary>Slots whose [StressWorkerSetup]/[StressWorkerTeardown] run at once: MaxConcurrency logins at once
    /// would be a load test of their own.</summary>
    private const int LifecycleParallelism = 16;

    private readonly LoadRun _run;
    private readonly MethodBinding _binding;
    private readonly InvocationSlot[] _slots;
    private readonly object?[] _instances;
    private readonly SlotThread?[] _slotThreads;
    private readonly MeasurementSink _sink = new(concurrentWriters: true);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<InvocationSlot> _release;
    private readonly Thread _pacer;
    private readonly bool _synchronous;
    private InvocationSlot? _free;
    private int _inFlight;
    private int _pacerDone;

    public OpenModelExecutor(LoadRun run, MethodBinding binding, int firstSlotId)
    {
        _run = run;
        _binding = binding;
        var capacity = run.Load.MaxConcurrency;
        _slots = new InvocationSlot[capacity];
        _instances = new object?[capacity];
        _slotThreads = new SlotThread?[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _slots[i] = new InvocationSlot(firstSlotId + i, run, _sink);
        }

        _synchronous = binding.Method.ReturnType == typeof(void);
        _release = Release;
        _pacer = new Thread(RunPacer) { IsBackground = true, Name = "StressTest pacer" };
    }

    public int ThreadCount => 1;

    public IReadOnlyList<InvocationSlot> Slots => _slots;

    public int InFlight => Volatile.Read(ref _inFlight);

    public Task Drained => _drained.Task;

    public void Start() => _pacer.Start();

    public void HarvestInto(IntervalAccumulator target) => _sink.HarvestInto(target);

    public void Complete()
    {
        foreach (var thread in _slotThreads)
        {
            thread?.Stop();
        }

        // Called once on the agent's flow after the drain: one blocked thread while the slots tear down in parallel.
        SlotLifecycle.TearDownAllAsync(_binding, _instances, _slots, LifecycleParallelism).GetAwaiter().GetResult();

        for (var i = 0; i < _slots.Length; i++)
        {
            if (!_slots[i].IsInFlight)
            {
                SlotLifecycle.Dispose(_run, _slots[i].Context.WorkerId, _instances[i], $"slot {i}");
            }
        }
    }

    private void RunPacer()
    {
        try
        {
            _run.EnterPhase(_slots[0].Context.WorkerId, $"The constructor of {_binding.Method.ReflectedType?.Name}");
            for (var i = _slots.Length - 1; i >= 0; i--)
            {
                _instances[i] = _binding.CreateInstance();
                _slots[i].Invoke = _binding.BindTo(_instances[i]);
                Push(_slots[i]);
            }

            _run.LeavePhase(_slots[0].Context.WorkerId);
        }
        catch (Exception ex)
        {
            _run.LeavePhase(_slots[0].Context.WorkerId);
            _run.ReportStartFailure($"Creating an instance of {_binding.Method.ReflectedType?.Name} for the open model failed: {ErrorText.Describe(ex)}");
            _run.ReportReady();
            FinishPacing();
            return;
        }

        // Every slot is a worker: each runs its [StressWorkerSetup] before the first arrival.
        if (!SlotLifecycle.SetUpAllAsync(_binding, _instances, _slots, LifecycleParallelism).GetAwaiter().GetResult())
        {
            _run.ReportReady();
            FinishPacing();
            return;
        }

        try
        {
            _run.ReportReady();
            _run.WaitForStart();
            if (!_run.IsStopping)
            {
                using var waiter = _run.CreateWaiter();
                Pace(waiter);
            }
        }
        catch (Exception ex)
        {
            // The user's exceptions never get here (the slots record them): this is a defect of ours, reported as one.
            _run.ReportProblem($"The open model's pacer stopped early: {ErrorText.Describe(ex)}");
        }
        finally
        {
            FinishPacing();
        }
    }

    private void FinishPacing()
    {
        // Interlocked (a full fence) against Release's decrement: whichever sees the other's write completes the drain.
        Interlocked.Exchange(ref _pacerDone, 1);
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }

        _run.ReportExited();
    }

    /// <summary>
    /// The warm-up's arrivals from the run's start, then the measured window's from its own start: two schedules, so
    /// an automatic warm-up of any length hands over at once, and the measured arrivals are the same whatever warm-up
    /// went before (the same seed draws the same Poisson gaps).
    /// </summary>
    private void Pace(ThreadWaiter waiter)
    {
        var run = _run;
        long index = 0;
        if (run.WarmUpShape is { } warmUp)
        {
            var schedule = new ArrivalSchedule(warmUp, run.Load.Arrivals, run.Load.Seed);
            while (!run.IsStopping && schedule.TryNext(out var offset))
            {
                var intended = run.At(offset);
                if (intended >= run.MeasureFrom || !Arrive(waiter, intended, ref index))
                {
                    break;
                }
            }

            // An automatic warm-up whose schedule ran out before the generator was warm waits for its end.
            while (!run.IsStopping && run.IsWarmingUp && waiter.WaitUntil(run.At(run.WarmUpLength), untilWarm: true))
            {
            }
        }

        var measured = new ArrivalSchedule(run.MeasuredShape, run.Load.Arrivals, run.Load.Seed);
        var from = run.MeasureFrom;
        while (!run.IsStopping && measured.TryNext(out var offset))
        {
            var intended = from + run.ToTicks(offset);
            if (intended >= run.MeasureEnd || !Arrive(waiter, intended, ref index))
            {
                break;
            }
        }
    }

    /// <summary>Waits for an arrival's intended start and starts it in a free slot, or counts it dropped; false when
    /// the run stopped (or an automatic warm-up ended) while waiting.</summary>
    private bool Arrive(ThreadWaiter waiter, long intended, ref long index)
    {
        var run = _run;
        var warming = run.IsWarmingUp;
        if (intended > run.Time.GetTimestamp() && (!waiter.WaitUntil(intended, untilWarm: warming) || (warming && !run.IsWarmingUp)))
        {
            return false;
        }

        var slot = Pop();
        if (slot is null)
        {
            if (intended >= run.MeasureFrom)
            {
                _sink.AddDropped();
            }

            return true;
        }

        Interlocked.Increment(ref _inFlight);
        if (_synchronous)
        {
            ThreadFor(slot).Run(intended, index++);
        }
        else
        {
            slot.Start(intended, index++, _release);
        }

        return true;
    }

    private SlotThread ThreadFor(InvocationSlot slot)
    {
        var i = slot.Context.WorkerId - _slots[0].Context.WorkerId;
        return _slotThreads[i] ??= new SlotThread(slot, _release);
    }

    private void Release(InvocationSlot slot)
    {
        Push(slot);
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _pacerDone) == 1)
        {
            _drained.TrySetResult();
        }
    }

    private void Push(InvocationSlot slot)
    {
        InvocationSlot? head;
        do
        {
            head = Volatile.Read(ref _free);
            slot.NextFree = head;
        }
        while (Interlocked.CompareExchange(ref _free, slot, head) != head);
    }

    // Only the pacer pops, so a slot cannot be popped and pushed back between the read and the swap (no ABA).
    private InvocationSlot? Pop()
    {
        InvocationSlot? head;
        do
        {
            head = Volatile.Read(ref _free);
            if (head is null)
            {
                return null;
            }
        }
        while (Interlocked.CompareExchange(ref _free, head.NextFree, head) != head);
        return head;
    }

    /// <summary>The dedicated thread of one slot, for synchronous methods.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore is never waited on with a timeout, so it never creates a wait handle to release; the thread may outlive the run when stuck.")]
    private sealed class SlotThread
    {
        private readonly InvocationSlot _slot;
        private readonly Action<InvocationSlot> _release;
        private readonly SemaphoreSlim _work = new(0);
        private long _intended;
        private long _iteration;
        private volatile bool _stopped;

        public SlotThread(InvocationSlot slot, Action<InvocationSlot> release)
        {
            _slot = slot;
            _release = release;
            new Thread(Loop) { IsBackground = true, Name = $"StressTest slot {slot.Context.WorkerId}" }.Start();
        }

        public void Run(long intended, long iteration)
        {
            _intended = intended;
            _iteration = iteration;
            _work.Release();
        }

        public void Stop()
        {
            _stopped = true;
            _work.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _work.Wait();
                if (_stopped)
                {
                    return;
                }

                _slot.RunBlocking(_intended, _iteration);
                _release(_slot);
            }
        }
    }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Load;

/// <summary>The validated load of one stress test.</summary>
/// <param name="WarmUp">Run before measuring starts; excluded from statistics. With <see cref="AutoWarmUp"/>, the
/// longest the automatic warm-up may last.</param>
/// <param name="Duration">The measured window (the sum of the stages when ramping).</param>
/// <param name="Concurrency">Closed model: workers invoking back-to-back (the largest stage target when ramping).</param>
/// <param name="Timeout">Longest allowed invocation.</param>
/// <param name="ShutdownGrace">How long in-flight invocations may finish after the end before they are abandoned.</param>
internal sealed record LoadProfile(TimeSpan WarmUp, TimeSpan Duration, int Concurrency, TimeSpan Timeout, TimeSpan ShutdownGrace)
{
    /// <summary>How long each piece of the user's lifecycle code (a worker's setup and teardown, an instance's Dispose)
    /// may run before its token is cancelled and, after <see cref="ShutdownGrace"/>, it is abandoned.</summary>
    public TimeSpan LifecycleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Closed (fixed workers) or open (arrival rate).</summary>
    public LoadModel Model { get; init; } = LoadModel.Closed;

    /// <summary>Open model: arrivals per second (the constant rate; ignored when <see cref="Stages"/> are set).</summary>
    public double Rate { get; init; }

    /// <summary>Open model: invocations allowed in flight; an arrival beyond it is dropped and counted.</summary>
    public int MaxConcurrency { get; init; } = 1000;

    /// <summary>Open model: how arrivals are spread.</summary>
    public Arrivals Arrivals { get; init; } = Arrivals.Uniform;

    /// <summary>Seed of the Poisson arrivals.</summary>
    public int Seed { get; init; }

    /// <summary>Closed model: each worker starts an invocation every <see cref="Pacing"/> when it can (zero: back-to-back).</summary>
    public TimeSpan Pacing { get; init; }

    /// <summary>Ramping targets (rate or workers) after warm-up; empty for a constant load.</summary>
    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>
    /// The test did not write WarmUp: the load runs first until the generator is warm (its JIT quiet, its throughput
    /// settled), at most <see cref="WarmUp"/>, then the measured window starts. Only on the real clock: on any other
    /// clock the agent skips it (the generator's warmth is a property of this process, not of a fake clock).
    /// </summary>
    public bool AutoWarmUp { get; init; }

    /// <summary>True when latency is measured from the intended start (open model, or paced closed model).</summary>
    public bool IsScheduled => Model == LoadModel.Open || Pacing > TimeSpan.Zero;

    /// <summary>
    /// The target over the whole run from its start, warm-up included: the rate (open) or the number of active
    /// workers (closed); without an automatic warm-up, whose length is not known in advance. A constant load holds its level throughout. Stages ramp from 0; with a WarmUp, the warm-up
    /// itself ramps from 0 to the first stage's target, and the stages continue from there.
    /// </summary>
    public LoadShape Timeline()
    {
        // An automatic warm-up's length is known only when it ends: the timeline then starts at the measured window.
        var warmUp = AutoWarmUp ? TimeSpan.Zero : WarmUp;
        var level = Model == LoadModel.Open ? Rate : Concurrency;
        if (Stages.Count == 0)
        {
            return LoadShape.Constant(level, warmUp + Duration);
        }

        return warmUp > TimeSpan.Zero
            ? new LoadShape(0, [new Stage(warmUp, Stages[0].Target), .. Stages])
            : new LoadShape(0, Stages);
    }

    /// <summary>
    /// The target during a warm-up of <paramref name="length"/>, from the run's start: what <see cref="Timeline"/>
    /// holds before the measured window. The automatic warm-up, whose length is not known in advance, holds the level
    /// the measured load starts from (the first stage's target when ramping) instead of ramping to it.
    /// </summary>
    public LoadShape WarmUpShape(TimeSpan length)
    {
        var level = Model == LoadModel.Open ? Rate : Concurrency;
        if (Stages.Count == 0 || length <= TimeSpan.Zero)
        {
            return LoadShape.Constant(Stages.Count == 0 ? level : 0, length > TimeSpan.Zero ? length : TimeSpan.FromTicks(1));
        }

        return AutoWarmUp ? LoadShape.Constant(Stages[0].Target, length) : new LoadShape(0, [new Stage(length, Stages[0].Target)]);
    }

    /// <summary>The target over the measured window, from its start: the rest of <see cref="Timeline"/>. Stages
    /// continue from the first target after a written warm-up (which ramped to it), and ramp from 0 as written
    /// otherwise: after an automatic warm-up too, so the measured load is the one the test wrote whatever the warm-up.</summary>
    public LoadShape MeasuredShape(bool warmedUp)
    {
        var level = Model == LoadModel.Open ? Rate : Concurrency;
        return Stages.Count == 0 ? LoadShape.Constant(level, Duration) : new LoadShape(warmedUp && !AutoWarmUp ? Stages[0].Target : 0, Stages);
    }
}

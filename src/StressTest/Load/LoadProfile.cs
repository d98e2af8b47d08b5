// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Load;

/// <summary>The validated load of one stress test.</summary>
/// <param name="WarmUp">Run before measuring starts; excluded from statistics.</param>
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

    /// <summary>True when latency is measured from the intended start (open model, or paced closed model).</summary>
    public bool IsScheduled => Model == LoadModel.Open || Pacing > TimeSpan.Zero;

    /// <summary>
    /// The target over the whole run from its start, warm-up included: the rate (open) or the number of active
    /// workers (closed). A constant load holds its level throughout. Stages ramp from 0; with a WarmUp, the warm-up
    /// itself ramps from 0 to the first stage's target, and the stages continue from there.
    /// </summary>
    public LoadShape Timeline()
    {
        var level = Model == LoadModel.Open ? Rate : Concurrency;
        if (Stages.Count == 0)
        {
            return LoadShape.Constant(level, WarmUp + Duration);
        }

        return WarmUp > TimeSpan.Zero
            ? new LoadShape(0, [new Stage(WarmUp, Stages[0].Target), .. Stages])
            : new LoadShape(0, Stages);
    }
}

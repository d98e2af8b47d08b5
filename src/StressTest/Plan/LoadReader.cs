// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Plan.Rules;
using StressTest.Plan.Settings;

namespace StressTest.Plan;

/// <summary>
/// Turns the load the attribute declares (<see cref="LoadArguments"/>, already checked) into the run's
/// <see cref="LoadProfile"/>: the settings' DurationScale applied to WarmUp, Duration and every stage, and their
/// ShutdownGrace and Seed added.
/// </summary>
internal static class LoadReader
{
    /// <summary>Upper bound on a scaled Duration or WarmUp: nothing in a test run should last longer.</summary>
    public static TimeSpan MaxDuration => LoadArguments.MaxDuration;

    /// <summary>The longest automatic warm-up (WarmUp not written), before DurationScale: on two busy cores the JIT's
    /// tiering of an HTTP client's code went on for 10-20 s (docs/benchmarks.md), and a run that is still warming
    /// then is measured anyway, its seconds marked "warming" by the generator verdict.</summary>
    public static readonly TimeSpan AutoWarmUpLimit = TimeSpan.FromSeconds(30);

    /// <summary>The WarmUp text that asks for the automatic warm-up explicitly (also the attribute's default).</summary>
    public const string AutoWarmUpText = LoadArguments.AutoWarmUpText;

    public static LoadProfile ToProfile(LoadArguments load, StressSettings settings)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(settings);
        var scale = settings.DurationScale;
        return new LoadProfile(Scale(load.AutoWarmUp ? AutoWarmUpLimit : load.WarmUp, scale), Scale(load.Duration, scale), load.Concurrency, load.Timeout, settings.ShutdownGrace)
        {
            LifecycleTimeout = settings.LifecycleTimeout,
            Model = load.Open ? LoadModel.Open : LoadModel.Closed,
            Rate = load.Rate,
            MaxConcurrency = load.MaxConcurrency,
            Arrivals = (Arrivals)load.Arrivals,
            Seed = settings.Seed,
            Pacing = load.Pacing,
            Stages = load.Stages.Select(s => s with { Duration = Scale(s.Duration, scale) }).ToList(),
            AutoWarmUp = load.AutoWarmUp,
        };
    }

    private static TimeSpan Scale(TimeSpan value, double scale)
    {
        var ticks = value.Ticks * scale;
        return ticks >= MaxDuration.Ticks ? MaxDuration : TimeSpan.FromTicks(Math.Max(value == TimeSpan.Zero ? 0 : 1, (long)ticks));
    }
}

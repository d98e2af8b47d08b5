// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;

namespace StressTest;

/// <summary>
/// One pass through a named step, begun and ended by its <see cref="IInvocationScope"/>: a struct, so timing a step
/// allocates nothing. <see cref="Recorder"/> is the scope's own object (its recorder for the step), opaque here.
/// </summary>
internal readonly struct StepPass(IInvocationScope? scope, object? recorder, long start, Activity? span)
{
    /// <summary>The scope that began the pass; null when the step was not measured (outside a run, or in warm-up).</summary>
    public IInvocationScope? Scope { get; } = scope;

    /// <summary>Where the scope records the step.</summary>
    public object? Recorder { get; } = recorder;

    /// <summary>The timestamp the step started at.</summary>
    public long Start { get; } = start;

    /// <summary>The step's span when the invocation is traced.</summary>
    public Activity? Span { get; } = span;

    /// <summary>Begins a pass in <paramref name="scope"/>; nothing to record when there is none.</summary>
    public static StepPass Begin(IInvocationScope? scope, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return scope?.BeginStep(name) ?? default;
    }

    /// <summary>Ends the pass.</summary>
    public void End(bool failed) => Scope?.EndStep(this, failed);
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules;

/// <summary>What a problem is about. The runtime shows only the message; the analyzer gives each kind its own
/// diagnostic id (STRESS1xx, docs/analyzer.md), so a team can tell a typo in a threshold from a contradiction.</summary>
internal enum ProblemKind
{
    /// <summary>Duration, WarmUp, Timeout or Pacing: text that is not a duration, or a value out of range.</summary>
    Duration,

    /// <summary>Stages: text that is not a list of stages, or targets that do not fit the model.</summary>
    Stages,

    /// <summary>Rate, Concurrency, MaxConcurrency out of range; a Model or Arrivals that is no member of its enum.</summary>
    Number,

    /// <summary>Properties that exclude each other or do not apply to the load model.</summary>
    Combination,

    /// <summary>A <c>[Threshold]</c> expression (metric, operator, value, unit, baseline arithmetic, step).</summary>
    Threshold,

    /// <summary>AcceptStatus text.</summary>
    AcceptStatus,

    /// <summary>Profiles text.</summary>
    Profiles,

    /// <summary>The stress-test method itself: not public, generic, an unsupported shape, an overloaded name.</summary>
    Method,

    /// <summary>An <c>async void</c> stress-test or lifecycle method: nothing can await it.</summary>
    AsyncVoid,

    /// <summary>The class the engine cannot instantiate (not public, open generic, no public parameterless
    /// constructor when each worker needs an instance).</summary>
    TestClass,

    /// <summary>A <c>[StressSetup]</c>, <c>[StressTeardown]</c>, <c>[StressWorkerSetup]</c> or
    /// <c>[StressWorkerTeardown]</c> method of the wrong shape, or more than one of a kind.</summary>
    Lifecycle,
}

/// <summary>
/// One problem with what the user wrote: the message the runtime fails the test with (naming the attribute, the
/// value and what was expected), what it is about, and where it is, so the analyzer can point at it.
/// </summary>
/// <param name="Kind">What the problem is about.</param>
/// <param name="Message">The message, exactly as the failed test shows it.</param>
internal sealed record PlanProblem(ProblemKind Kind, string Message)
{
    /// <summary>The <c>[StressTest]</c> named arguments the problem is about (<see cref="ArgumentNames"/>), the first
    /// being where the analyzer reports it; empty when it is about the attribute or the method as a whole.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>For <see cref="ProblemKind.Threshold"/>: the index of the <c>[Threshold]</c>, in declaration order.</summary>
    public int? Threshold { get; init; }
}

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// What a <see cref="StressContext"/> needs from the invocation it belongs to: the measured HTTP clients, checks,
/// step timing, the run's data, and a way to stop the run. Declared here, beside the public API, and implemented by the
/// engine's invocation slot, so that the public surface depends on no room of the engine: the arrow points from the
/// engine to the API, never back.
/// </summary>
internal interface IInvocationScope
{
    /// <summary>What setup handed to the run.</summary>
    RunData Data { get; }

    /// <summary>True while a worker's own setup or teardown runs (nothing is measured then).</summary>
    bool IsInLifecycle { get; }

    /// <summary>The measured client registered under <paramref name="name"/>; null: the run's default client.</summary>
    HttpClient HttpClient(string? name);

    /// <summary>Counts a soft check of the invocation in flight.</summary>
    void Check(bool condition, string name);

    /// <summary>Starts timing a named step of the invocation in flight.</summary>
    StepPass BeginStep(string name);

    /// <summary>Records a step begun with <see cref="BeginStep"/>.</summary>
    void EndStep(in StepPass pass, bool failed);

    /// <summary>Stops the whole run from inside an invocation (a feeder out of data): a failure or a note, and the
    /// invocation in flight is cancelled.</summary>
    void StopRun(string reason, bool failure);
}

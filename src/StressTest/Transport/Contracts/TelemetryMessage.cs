// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Transport.Contracts;

/// <summary>
/// What flows from an agent up to the controller. Plain serializable records: histograms travel in HdrHistogram's
/// own compressed V2 encoding, which is exact, so merging intervals from many agents loses nothing. Times are
/// offsets from the start of the measured window, never wall-clock values of the agent's machine.
/// </summary>
internal abstract record TelemetryMessage;

/// <summary>One interval (normally one second) of measured invocations, by completion time.</summary>
/// <param name="Index">0 for the first second after warm-up.</param>
/// <param name="Start">Offset of the interval's start from the measured window's start.</param>
/// <param name="End">Offset of the interval's end.</param>
/// <param name="Latency">Latencies in microseconds of every measured invocation, errors included, as a compressed
/// HdrHistogram (see <see cref="HistogramCodec"/>).</param>
/// <param name="Errors">Errors by kind that completed in the interval.</param>
internal sealed record IntervalTelemetry(int Index, TimeSpan Start, TimeSpan End, byte[] Latency, IReadOnlyList<ErrorCount> Errors)
    : TelemetryMessage
{
    /// <summary>Service times in µs (from the actual start), encoded like <see cref="Latency"/>; equal to it when
    /// nothing is paced.</summary>
    public byte[]? ServiceTime { get; init; }

    /// <summary>Start lateness in µs (actual start minus intended start), encoded like <see cref="Latency"/>.</summary>
    public byte[]? Lateness { get; init; }

    /// <summary>Arrivals in the measured window that found the in-flight cap reached and were not started.</summary>
    public long Dropped { get; init; }

    /// <summary>The load model's target at the interval's end: arrivals per second (open) or workers (closed).</summary>
    public double Target { get; init; }

    /// <summary>Invocations in flight when the interval was taken.</summary>
    public int InFlight { get; init; }

    /// <summary>HTTP requests by endpoint.</summary>
    public IReadOnlyList<EndpointInterval> Endpoints { get; init; } = [];

    /// <summary>Steps by name.</summary>
    public IReadOnlyList<StepInterval> Steps { get; init; } = [];

    /// <summary>Checks by name.</summary>
    public IReadOnlyList<CheckInterval> Checks { get; init; } = [];

    /// <summary>Measured invocations in which at least one check failed.</summary>
    public long FailedCheckInvocations { get; init; }

    /// <summary>How the agent's process fared in the interval; null when not sampled (a fake clock).</summary>
    public GeneratorHealth? Health { get; init; }

    /// <summary>A second of the automatic warm-up (offsets from the run's start; nothing in it is measured): sent so the
    /// per-second work on both sides (harvest, encoding, health, merging, the progress report) runs during the warm-up
    /// as it will during the measured window, and its code is compiled before measuring starts. The controller only
    /// rehearses it; it never counts.</summary>
    public bool WarmUp { get; init; }
}

/// <summary>Errors of one kind (see <c>ErrorClassifier</c>): <c>HTTP 503</c>, <c>timeout</c>,
/// <c>connection refused</c>… or an exception's full type name.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many.</param>
/// <param name="FirstMessage">The first message seen, redacted and truncated; never trusted (it may come from a server).</param>
internal sealed record ErrorCount(string Kind, long Count, string FirstMessage)
{
    /// <summary>The kind's category (<see cref="ErrorCategories"/>).</summary>
    public string Category { get; init; } = ErrorCategories.Exception;

    /// <summary>Offset in the measured window of the first error of the kind.</summary>
    public TimeSpan FirstAt { get; init; }

    /// <summary>Offset of the last one.</summary>
    public TimeSpan LastAt { get; init; }

    /// <summary>The two counts as one: the earlier first message and time, the later last time.</summary>
    public ErrorCount Merge(ErrorCount other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var otherFirst = other.FirstAt < FirstAt;
        return this with
        {
            Count = Count + other.Count,
            FirstMessage = otherFirst ? other.FirstMessage : FirstMessage,
            FirstAt = otherFirst ? other.FirstAt : FirstAt,
            LastAt = other.LastAt > LastAt ? other.LastAt : LastAt,
        };
    }
}

/// <summary>The agent could not start its workers (for example the test class constructor threw).</summary>
internal sealed record AgentFailed(string Reason) : TelemetryMessage;

/// <summary>The agent finished: the window it measured and what it had to abandon.</summary>
/// <param name="Measured">Length of the measured window (shorter than Duration when cancelled).</param>
/// <param name="StuckInvocations">Invocations still running after the shutdown grace period, abandoned.</param>
/// <param name="Cancelled">True when the run was cancelled before its end.</param>
/// <param name="WorkerErrors">Problems outside invocations (Dispose failures), as messages.</param>
internal sealed record AgentCompleted(TimeSpan Measured, int StuckInvocations, bool Cancelled, IReadOnlyList<string> WorkerErrors)
    : TelemetryMessage
{
    /// <summary>What the result should say without failing the test (a feeder out of data stopped the load early).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Endpoint names sent in earlier intervals that the run later learned to be one route (a path position
    /// that turned out to vary): each is merged into its final name, so the names do not depend on the order the
    /// requests came in.</summary>
    public IReadOnlyList<EndpointAlias> EndpointAliases { get; init; } = [];

    /// <summary>How long the automatic warm-up ran before the measured window (null when the warm-up was written, or
    /// off, or the clock is not the real one).</summary>
    public TimeSpan? AutoWarmUp { get; init; }

    /// <summary>How the automatic warm-up ended: <c>JIT quiet and throughput settled after 2.1 s</c>, or why it was
    /// cut off at its limit.</summary>
    public string? AutoWarmUpNote { get; init; }

    /// <summary>False when the automatic warm-up reached its limit before the generator was warm.</summary>
    public bool AutoWarmUpSettled { get; init; } = true;
}

/// <summary>An endpoint name sent earlier (<paramref name="From"/>) and the name it is reported under (<paramref name="To"/>).</summary>
internal sealed record EndpointAlias(string From, string To);

// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Simulation;

/// <summary>What to do with one request, decided before any waiting: both forms (handler and server) carry it out
/// the same way, each in its own medium.</summary>
/// <param name="Action">Answer, hang, reset or trickle.</param>
/// <param name="Latency">How long to wait first.</param>
/// <param name="Response">What to send (answer and trickle); null otherwise.</param>
/// <param name="BytesPerSecond">The trickle's pace.</param>
/// <param name="RetryAfter">A rate-limited answer's Retry-After; zero otherwise.</param>
internal readonly record struct Decision(DecisionAction Action, TimeSpan Latency, ResponseTemplate? Response, int BytesPerSecond = 0, TimeSpan RetryAfter = default)
{
    public static Decision NotFound => new(DecisionAction.Answer, TimeSpan.Zero, ResponseTemplate.NotFound);

    /// <summary>Retry-After in whole seconds, at least 1, as HTTP writes it.</summary>
    public string? RetryAfterHeader => RetryAfter > TimeSpan.Zero ? ((long)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>How a request ends.</summary>
internal enum DecisionAction
{
    /// <summary>Send the response after the latency.</summary>
    Answer,

    /// <summary>Never answer; end when the caller gives up or the mock stops.</summary>
    Hang,

    /// <summary>Reset the connection after the latency.</summary>
    Reset,

    /// <summary>Send the headers after the latency, then the body at BytesPerSecond.</summary>
    Trickle,
}

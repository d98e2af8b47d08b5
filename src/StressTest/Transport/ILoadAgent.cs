// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Threading.Channels;
using StressTest.Transport.Contracts;

namespace StressTest.Transport;

/// <summary>
/// The seam between controller and workers. An agent runs one <see cref="WorkAssignment"/> and streams
/// <see cref="TelemetryMessage"/>s back, ending with <see cref="AgentCompleted"/> or <see cref="AgentFailed"/>.
/// In-process today (<c>InProcessAgent</c>); a gRPC agent in another process or machine will
/// implement the same contract with the same messages.
/// </summary>
internal interface ILoadAgent
{
    /// <summary>Runs the assignment to its end, or until <paramref name="cancellationToken"/> is cancelled, which
    /// stops the load promptly: in-flight invocations get their tokens cancelled and what was measured is still
    /// sent. Completes the writer when done.</summary>
    Task RunAsync(WorkAssignment assignment, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken);
}

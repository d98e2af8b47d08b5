// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Hosting;

namespace StressTest.Mocks.Server;

/// <summary>
/// The mock server's host lifetime: none. The default (console) lifetime takes over Ctrl+C and SIGTERM for the whole
/// process, which a mock must not do — in a test host the signal belongs to the test run, in <c>stresstest mock</c> to
/// the command, which stops the mock itself.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

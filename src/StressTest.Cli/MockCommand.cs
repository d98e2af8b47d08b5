// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Runtime.InteropServices;
using StressTest.Mocks;

namespace StressTest.Cli;

/// <summary><c>stresstest mock &lt;profile.json&gt; [--port N]</c>: serves a simulated dependency on 127.0.0.1 until
/// Ctrl+C (or SIGTERM), then prints what it served. Exit codes: 0 stopped, 2 the profile or the port is wrong.</summary>
internal static class MockCommand
{
    public static Command Create()
    {
        var profile = new Argument<FileInfo>("profile") { Description = "The mock profile (JSON; docs/simulated-dependencies.md)." };
        var port = new Option<int?>("--port") { Description = "The port on 127.0.0.1; default a free one, printed." };
        var command = new Command("mock", "Serve a simulated dependency (latency and failures from a profile) until Ctrl+C, then print what it served.") { profile, port };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Ctrl+C and SIGTERM stop the mock, which then prints what it served. System.CommandLine's own handling
            // (ProcessTerminationTimeout) would end the process at the signal, before that summary: Program turns it off.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            return await MockServerCommand.RunAsync(parseResult.GetRequiredValue(profile).FullName, parseResult.GetValue(port), parseResult.InvocationConfiguration.Output, stop.Token).ConfigureAwait(false);

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }
}

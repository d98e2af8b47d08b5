// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Mocks;

/// <summary>
/// <c>stresstest mock profile.json [--port N]</c>: serves a profile until cancelled (Ctrl+C), for an API started
/// outside the tests, then prints what it served. The command line tool calls this; it is public so that any host
/// can offer the same command.
/// </summary>
public static class MockServerCommand
{
    /// <summary>Exit code when the mock ran and was stopped.</summary>
    public const int Stopped = 0;

    /// <summary>Exit code when the profile cannot be read or served, or the port cannot be listened on: 2, as the
    /// <c>stresstest</c> tool's other commands exit when the command line or a file is wrong.</summary>
    public const int Failed = 2;

    /// <summary>Loads the profile, serves it on 127.0.0.1 until <paramref name="cancellationToken"/> is cancelled,
    /// and writes where it listens, its routes and, at the end, what it served to <paramref name="output"/>.</summary>
    /// <param name="profilePath">The JSON profile.</param>
    /// <param name="port">The port; null for a free one (printed).</param>
    /// <param name="output">Where the lines go (standard output).</param>
    /// <param name="cancellationToken">Stops the mock (the command line wires Ctrl+C to it).</param>
    /// <returns><see cref="Stopped"/>, or <see cref="Failed"/> with the reason written to <paramref name="output"/>.</returns>
    public static async Task<int> RunAsync(string profilePath, int? port, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profilePath);
        ArgumentNullException.ThrowIfNull(output);
        MockServer server;
        try
        {
            var profile = MockProfile.Load(profilePath);
            server = await MockServer.StartAsync(profile, port, timeProvider: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A bad profile, a missing one (FileNotFoundException), a port in use (Kestrel's IOException).
            await output.WriteLineAsync("stresstest mock: " + ex.Message).ConfigureAwait(false);
            return Failed;
        }
        catch (OperationCanceledException)
        {
            return Stopped;
        }

        await using (server.ConfigureAwait(false))
        {
            var dependency = server.Dependency;
            await output.WriteLineAsync(Invariant($"Mock \"{dependency.Name}\" listening on {server.BaseAddress} ({dependency.RouteDescriptions.Count} route(s)); Ctrl+C stops it.")).ConfigureAwait(false);
            foreach (var route in dependency.RouteDescriptions)
            {
                await output.WriteLineAsync("  " + route).ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the normal end.
            }
        }

        await output.WriteLineAsync("Served:").ConfigureAwait(false);
        var served = server.Dependency.Served;
        var width = served.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        foreach (var (what, count) in served)
        {
            await output.WriteLineAsync(Invariant($"  {what.PadRight(width)}  {count,10:N0}")).ConfigureAwait(false);
        }

        return Stopped;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
